/**
 * Header captions of the Kazakh bank layouts in KZ-BANK-FORMATS.md, exactly as the banks print
 * them. The seeded test fixtures and the demo-case generator both build their sheets from these,
 * so a layout is written down once.
 */
import type { Cell } from './cell';

const PAYER_RECIPIENT = (side: 'плательщика' | 'получателя'): string[] => [
  `Наименование/ФИО ${side}`,
  `ИИН/БИН ${side}`,
  `Резидентство ${side}`,
  `Банк ${side}`,
  `Номер счета ${side}`,
];

/** Halyk (HSBKKZKX): 19 columns, credit and debit in separate columns. */
export const HALYK_HEADER: readonly string[] = [
  'Дата и время операции',
  'Валюта операции',
  'Виды операции (категория документа)',
  'Наименование СДП (при наличии)',
  'Сумма в валюте ее проведения по кредиту',
  'Сумма в валюте ее проведения по дебету',
  'Сумма в тенге',
  ...PAYER_RECIPIENT('плательщика'),
  ...PAYER_RECIPIENT('получателя'),
  'Код назначения платежа',
  'Назначение платежа',
];

/** The standard 18-column layout (Shinhan, Home Credit, VTB, Freedom): one signed amount column. */
export const STANDARD_18_HEADER: readonly string[] = [
  'Дата и время операции',
  'Валюта операции',
  'Виды операции (категория документа)',
  'Наименование СДП (при наличии)',
  'Сумма в валюте ее проведения',
  'Сумма в тенге',
  ...PAYER_RECIPIENT('плательщика'),
  ...PAYER_RECIPIENT('получателя'),
  'Код назначения платежа',
  'Назначение платежа',
];

/** Freedom's per-account sheets: the standard layout without `Назначение платежа` (17 columns). */
export const FREEDOM_17_HEADER: readonly string[] = STANDARD_18_HEADER.slice(0, 17);

const KASPI_PARTY = ['Наименование/ФИО', 'ИИН/БИН', 'Резидентство', 'Банк', 'Номер счета'];

/** Kaspi's 2-row header: merged `Плательщик`/`Получатель` groups over five sub-captions each. */
export const KASPI_HEADER_ROWS: readonly (readonly Cell[])[] = [
  [
    'Дата',
    'Валюта операции',
    'Виды операции (категория документа)',
    'Сумма в валюте ее проведения',
    'Сумма в тенге',
    'Плательщик',
    null,
    null,
    null,
    null,
    'Получатель',
    null,
    null,
    null,
    null,
    'Код назначения платежа',
    'Назначение платежа',
  ],
  [null, null, null, null, null, ...KASPI_PARTY, ...KASPI_PARTY, null, null],
];

/** Binance P2P "Order History" export; the real header keeps the `Couterparty` typo. */
export const BINANCE_P2P_HEADER: readonly string[] = [
  'Order Number',
  'Order Type',
  'Asset Type',
  'Fiat Type',
  'Total Price',
  'Price',
  'Quantity',
  'Couterparty',
  'Status',
  'Created Time',
];
