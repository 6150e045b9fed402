/**
 * The demo case as files, in the order an investigator would import them: the two Kaspi drops,
 * the Freedom drop (CSV, Windows-1251), the collector's Halyk statement, the Binance P2P orders
 * and the TronScan list of the collector's wallet.
 */
import type { Cell, MergedRange } from '../import/table';
import type { Person } from './cast';
import { statementEntries } from './entries';
import { freedomCsvBytes, freedomRows } from './render-freedom';
import { binanceRows, binanceWithdrawalRows, tronScanRows } from './render-crypto';
import { halykSheet } from './render-halyk';
import { kaspiSheet } from './render-kaspi';
import { csvText, utf8, xlsxBytes } from './render-kit';
import type { Scenario } from './scenario';

export interface DemoFile {
  name: string;
  bytes: Uint8Array;
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'windows-1251';
  /** Whose statement it is, in words for the manifest. */
  title: string;
  /** Transactions a correct import finds. */
  transactions: number;
  /** Rows as written (sheet rows for XLSX, CSV records), for the tests' read-back. */
  rows: Cell[][];
  merges?: MergedRange[];
  /** Context a reader needs that the file itself does not state (a chain export's wallet). */
  ownAccount?: string;
}

function person(s: Scenario, key: string): Person {
  const p = s.people.get(key);
  if (!p) throw new Error(`unknown person ${key}`);
  return p;
}

const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** `Нурланова` → `nurlanova`: file names stay ASCII so every OS and zip tool keeps them intact. */
function translit(word: string): string {
  return [...word.toLowerCase()].map((ch) => LATIN[ch] ?? '').join('');
}

export function demoFiles(s: Scenario): DemoFile[] {
  const period = { from: s.periodFrom, to: s.periodTo };
  const opening = (key: string): number => s.openingMinor.get(key) ?? 0;
  const files: DemoFile[] = [];
  s.drops.forEach((key, i) => {
    const own = person(s, key);
    const entries = statementEntries(s, key);
    const surname = translit(own.name.split(' ')[0] ?? key);
    if (own.bank === 'kaspi') {
      const sheet = kaspiSheet(own, entries, opening(key), period);
      files.push({
        name: `0${i + 1}-kaspi-${surname}.xlsx`,
        bytes: xlsxBytes([sheet], 'Kaspi Bank'),
        format: 'xlsx',
        title: `Drop ${i + 1}: ${own.name}, Kaspi`,
        transactions: entries.length,
        rows: sheet.rows,
        merges: sheet.merges,
      });
    } else {
      const rows = freedomRows(own, entries, opening(key), period);
      files.push({
        name: `0${i + 1}-freedom-${surname}.csv`,
        bytes: freedomCsvBytes(rows),
        format: 'csv',
        encoding: 'windows-1251',
        title: `Drop ${i + 1}: ${own.name}, Freedom Bank`,
        transactions: entries.length,
        rows,
      });
    }
  });
  const collector = person(s, s.collector);
  const entries = statementEntries(s, s.collector);
  const halyk = halykSheet(collector, entries, opening(s.collector), period);
  files.push({
    name: `04-halyk-${translit(collector.name.split(' ')[0] ?? 'collector')}.xlsx`,
    bytes: xlsxBytes([halyk], 'Halyk Bank'),
    format: 'xlsx',
    title: `Collector: ${collector.name}, Halyk Bank`,
    transactions: entries.length,
    rows: halyk.rows,
  });
  const orders = binanceRows(s.orders);
  files.push({
    name: '05-binance-p2p-orders.csv',
    bytes: utf8(csvText(orders, ',')),
    format: 'csv',
    encoding: 'utf-8',
    title: `Collector's Binance P2P order history`,
    transactions: s.orders.length,
    rows: orders,
  });
  const withdrawals = binanceWithdrawalRows(s.chain);
  files.push({
    name: '06-binance-withdrawal-history.csv',
    bytes: utf8(csvText(withdrawals, ',')),
    format: 'csv',
    encoding: 'utf-8',
    title: `Collector's Binance withdrawal history`,
    transactions: withdrawals.length - 1,
    rows: withdrawals,
  });
  const chain = tronScanRows(s.chain);
  files.push({
    name: `07-tronscan-usdt-trc20-${s.wallets.collector}.csv`,
    bytes: utf8(csvText(chain, ',')),
    format: 'csv',
    encoding: 'utf-8',
    title: `Collector's TRON wallet, USDT TRC20 transfers (TronScan)`,
    transactions: s.chain.length,
    rows: chain,
    ownAccount: s.wallets.collector,
  });
  return files;
}
