/**
 * Data rows → transactions, each either read in full or rejected with the cell and the reason.
 * Direction, most reliable first: credit/debit columns; a minus sign; the section marker above
 * the row; the sheet's name; the operation-type text; the P2P side; whether the statement's own
 * account (or wallet) is the payer or the recipient; finally a plain positive amount is income.
 */
import type { Cell, Direction } from './cell';
import { columnLetter, isBlank } from './cell';
import type { Amount } from './amount';
import type { ColumnMapping } from './columns';
import { parseAmount } from './amount';
import { parseCurrencyCode } from './currency';
import { DEFAULT_ZONE, parseDateTime } from './datetime';
import { directionOfText } from './direction';
import type { DetectedTable } from './header';
import { balanceLabel } from './markers';
import { readSheetName } from './sheet-name';
import { parseText } from './text';
import type { ColumnRole } from './vocabulary';
import { currencyMinorDigits } from '../../model/currency';

export interface ReadContext {
  /** Sheet name: direction (`Входящие операции`) or own account + currency (`KZ…KZT`). */
  sheetName?: string;
  /** Zone of local times; default Asia/Almaty. */
  zone?: string;
  date1904?: boolean;
  /** The statement's own account or wallet, when the caller knows it better than the file. */
  ownAccount?: string;
  /** Currency when no column or text says; default: preamble, sheet name, then KZT. */
  currency?: string;
  /** Every row goes this way (an exchange's withdrawal or deposit history), unless the row says otherwise. */
  direction?: Direction;
  /** False: leave `TableTransaction.raw` empty (a caller that reads the cells itself). Default true. */
  raw?: boolean;
  /**
   * One string object per distinct counterparty text (a caller's cache): a bank names the same few
   * thousand parties on a million rows, and shared strings are hashed once and kept once.
   */
  intern?: (field: InternedField, text: string) => string;
}

export type InternedField = 'name' | 'idNumber' | 'account' | 'bank' | 'card' | 'phone' | 'ownAccount';
const asIs = (_field: InternedField, text: string): string => text;

export interface Counterparty {
  name?: string;
  idNumber?: string;
  account?: string;
  bank?: string;
  card?: string;
  phone?: string;
}

export interface TableTransaction {
  /** Excel row number, 1-based. */
  row: number;
  bookedAt: number;
  hasTime: boolean;
  /** Positive minor units of `currency`. */
  amountMinor: number;
  direction: Direction;
  currency: string;
  amountKztMinor?: number;
  description: string;
  knp?: string;
  ownAccount?: string;
  counterparty: Counterparty;
  balanceMinor?: number;
  /** Every mapped cell's text by role; empty when `ReadContext.raw` is false. */
  raw: Partial<Record<ColumnRole, string>>;
}

export interface RejectedRow {
  /** Excel row number, 1-based. */
  row: number;
  /** Column letter ("F") and its caption, when one cell is to blame. */
  column: string | null;
  header: string | null;
  reason: string;
}

export interface TotalsRow {
  row: number;
  label: string;
  kind: 'total' | 'openingBalance' | 'closingBalance';
  /** The sums the bank states, signed minor units, by the column they stand in. */
  sums: Partial<Record<'amount' | 'credit' | 'debit' | 'amountKzt' | 'balance', number>>;
}

export interface TableRead {
  transactions: TableTransaction[];
  rejected: RejectedRow[];
  totals: TotalsRow[];
}

/** A row result inside this file: a failure names the column to blame (-1: the row as a whole). */
type Got<T> = { ok: true; value: T } | { ok: false; column: number; reason: string };

function got<T>(value: T): Got<T> {
  return { ok: true, value };
}

const SUM_ROLES = ['amount', 'credit', 'debit', 'amountKzt', 'balance'] as const;
const SHORT_KNP = /^\d{1,2}$/;
const ID_DIGITS = /^'?(\d{9,12})$/;
const ACCOUNT_NOISE = /[\s'-]+/g;
const NO_RAW: Partial<Record<ColumnRole, string>> = Object.freeze({});

/** The roles a counterparty field is read from, first non-empty wins, by direction. */
interface PartyRoles {
  name: ColumnRole[];
  id: ColumnRole[];
  account: ColumnRole[];
  bank: ColumnRole[];
}

const PARTY_ROLES: Record<Direction, PartyRoles> = {
  in: {
    name: ['payerName', 'counterpartyName', 'merchant'],
    id: ['payerIdNumber', 'counterpartyIdNumber'],
    account: ['payerAccount', 'counterpartyAccount', 'fromAddress'],
    bank: ['payerBank', 'counterpartyBank'],
  },
  out: {
    name: ['recipientName', 'counterpartyName', 'merchant'],
    id: ['recipientIdNumber', 'counterpartyIdNumber'],
    account: ['recipientAccount', 'counterpartyAccount', 'toAddress'],
    bank: ['recipientBank', 'counterpartyBank'],
  },
};

export function readTransactions(
  table: DetectedTable,
  mapping: ColumnMapping,
  context: ReadContext = {},
): TableRead {
  const result: TableRead = { transactions: [], rejected: [], totals: [] };
  visitTransactions(table, mapping, context, {
    transaction: (tx) => result.transactions.push(tx),
    rejected: (row) => result.rejected.push(row),
    totals: (row) => result.totals.push(row),
  });
  return result;
}

/** What visitTransactions hands over, row by row. */
export interface TableVisitor {
  transaction(tx: TableTransaction): void;
  rejected(row: RejectedRow): void;
  totals(row: TotalsRow): void;
}

/**
 * readTransactions without the lists: each row's result goes to the visitor as it is read, so a
 * caller that converts it at once leaves only short-lived garbage behind (a million transactions
 * held in a list until converted were promoted to V8's old generation, ~150 MB of it).
 */
export function visitTransactions(
  table: DetectedTable,
  mapping: ColumnMapping,
  context: ReadContext,
  visitor: TableVisitor,
): void {
  const reader = new RowReader(table, mapping, context);
  for (let r = table.dataStart; r < table.dataEnd; r++) {
    const kind = table.rowKinds[r];
    const row = table.rows[r] ?? [];
    if (kind === 'totals') visitor.totals(reader.totals(row, r));
    else if (kind === 'transaction') {
      const read = reader.read(row, r);
      if (read.ok) visitor.transaction(read.value);
      else {
        const column = read.column >= 0 ? table.columns[read.column] : undefined;
        visitor.rejected({
          row: r + 1,
          column: read.column >= 0 ? columnLetter(read.column) : null,
          header: column?.caption ?? null,
          reason: read.reason,
        });
      }
    }
  }
}

class RowReader {
  private readonly roles: Partial<Record<ColumnRole, number>>;
  private readonly zone: string;
  private readonly ownAccount: string | null;
  private readonly defaultCurrency: string;
  private readonly sheetDirection: Direction | null;
  private readonly ownAccountText: string | undefined;
  private readonly withRaw: boolean;
  private readonly intern: (field: InternedField, text: string) => string;
  /** Mapped column of the roles each direction's counterparty is read from (-1: unmapped). */
  private readonly party: Record<Direction, Record<keyof PartyRoles, number[]>>;
  /** Amount options by column, for the last currency asked. */
  private readonly amountOptionsCache = new Map<number, { currency: string; options: AmountOptionsOf }>();
  private sectionIndex = -1;

  constructor(
    private readonly table: DetectedTable,
    private readonly mapping: ColumnMapping,
    private readonly context: ReadContext,
  ) {
    this.roles = mapping.roles;
    this.zone = context.zone ?? DEFAULT_ZONE;
    const sheet = readSheetName(context.sheetName);
    const own = context.ownAccount ?? sheet.account ?? table.preamble.account ?? null;
    this.ownAccount = own === null ? null : compactAccount(own);
    this.ownAccountText = own ?? undefined;
    this.defaultCurrency = context.currency ?? sheet.currency ?? table.preamble.currency ?? 'KZT';
    this.sheetDirection = sheet.direction ?? context.direction ?? null;
    this.withRaw = context.raw !== false;
    this.intern = context.intern ?? asIs;
    const columns = (list: readonly ColumnRole[]): number[] =>
      list.map((role) => this.roles[role]).filter((index): index is number => index !== undefined);
    const partyOf = (p: PartyRoles): Record<keyof PartyRoles, number[]> => ({
      name: columns(p.name),
      id: columns(p.id),
      account: columns(p.account),
      bank: columns(p.bank),
    });
    this.party = { in: partyOf(PARTY_ROLES.in), out: partyOf(PARTY_ROLES.out) };
  }

  private cell(row: readonly Cell[], role: ColumnRole): Cell {
    const index = this.roles[role];
    return index === undefined ? null : (row[index] ?? null);
  }

  private text(row: readonly Cell[], role: ColumnRole): string {
    return parseText(this.cell(row, role));
  }

  private problem(role: ColumnRole | null, reason: string): { ok: false; column: number; reason: string } {
    return { ok: false, column: role === null ? -1 : (this.roles[role] ?? -1), reason };
  }

  read(row: readonly Cell[], r: number): Got<TableTransaction> {
    const roles = this.roles;
    const dateRole: ColumnRole | null =
      roles.date !== undefined ? 'date' : roles.valueDate !== undefined ? 'valueDate' : null;
    if (dateRole === null) return this.problem(null, 'the table has no date column');
    const dateColumn = roles[dateRole] ?? -1;
    const zone = this.mapping.utcColumns.includes(dateColumn) ? 'UTC' : this.zone;
    const date = parseDateTime(this.cell(row, dateRole), { zone, date1904: this.context.date1904 === true });
    if (!date.ok) return this.problem(dateRole, date.reason);

    const currencyRole: ColumnRole | null =
      roles.currency !== undefined ? 'currency' : roles.token !== undefined ? 'token' : null;
    let currency: string | null = null;
    if (currencyRole !== null && !isBlank(this.cell(row, currencyRole))) {
      const parsed = parseCurrencyCode(this.cell(row, currencyRole));
      if (!parsed.ok) return this.problem(currencyRole, parsed.reason);
      currency = parsed.value;
    }

    const amount = this.amount(row, currency ?? this.defaultCurrency);
    if (!amount.ok) return amount;
    const { magnitude, sign, amountRole } = amount.value;
    currency ??= amount.value.currency ?? (amountRole === 'amountKzt' ? 'KZT' : this.defaultCurrency);

    const direction = this.direction(row, r, sign);
    if (!direction.ok) return direction;

    const tx: TableTransaction = {
      row: r + 1,
      bookedAt: date.value.ms,
      hasTime: date.value.hasTime,
      amountMinor: magnitude,
      direction: direction.value,
      currency,
      description: this.text(row, 'description'),
      counterparty: this.counterparty(row, direction.value),
      raw: this.withRaw ? this.raw(row) : NO_RAW,
    };
    const kzt = this.amountKzt(row, amountRole);
    if (!kzt.ok) return kzt;
    if (kzt.value !== null) tx.amountKztMinor = kzt.value;
    const knp = this.text(row, 'knp');
    if (knp !== '') tx.knp = SHORT_KNP.test(knp) ? knp.padStart(3, '0') : knp;
    const ownAccount = this.text(row, 'ownAccount') || this.text(row, 'wallet') || this.ownAccountText;
    if (ownAccount) tx.ownAccount = this.intern('ownAccount', ownAccount);
    if (roles.balance !== undefined && !isBlank(this.cell(row, 'balance'))) {
      const balance = parseAmount(this.cell(row, 'balance'), this.amountOptions('balance', currency));
      if (!balance.ok) return this.problem('balance', balance.reason.replace('amount', 'balance'));
      tx.balanceMinor = balance.value.minor;
    }
    return got(tx);
  }

  private amountOptions(role: ColumnRole, currency: string): AmountOptionsOf {
    const index = this.roles[role] ?? -1;
    const cached = this.amountOptionsCache.get(index);
    if (cached !== undefined && cached.currency === currency) return cached.options;
    const options: AmountOptionsOf = {
      decimalSeparator: index === -1 ? null : (this.mapping.decimalSeparators[index] ?? null),
      fractionDigits: currencyMinorDigits(currency),
    };
    this.amountOptionsCache.set(index, { currency, options });
    return options;
  }

  private amount(
    row: readonly Cell[],
    currency: string,
  ): Got<{ magnitude: number; sign: -1 | 0 | 1; amountRole: ColumnRole; currency: string | null }> {
    const roles = this.roles;
    if (roles.credit !== undefined || roles.debit !== undefined) {
      const credit = this.optionalAmount(row, 'credit', currency);
      if (!credit.ok) return credit;
      const debit = this.optionalAmount(row, 'debit', currency);
      if (!debit.ok) return debit;
      const c = credit.value;
      const d = debit.value;
      const hasCredit = c !== null && c.minor !== 0;
      const hasDebit = d !== null && d.minor !== 0;
      if (hasCredit && hasDebit)
        return this.problem('credit', 'both the credit and the debit column hold an amount');
      if (hasCredit)
        return got({ magnitude: Math.abs(c.minor), sign: 1, amountRole: 'credit', currency: c.currency });
      if (hasDebit)
        return got({ magnitude: Math.abs(d.minor), sign: -1, amountRole: 'debit', currency: d.currency });
      if (roles.amount === undefined) {
        return this.problem(
          roles.credit !== undefined ? 'credit' : 'debit',
          'neither the credit nor the debit column holds an amount',
        );
      }
    }
    const role: ColumnRole | null =
      roles.amount !== undefined
        ? 'amount'
        : roles.cryptoAmount !== undefined
          ? 'cryptoAmount'
          : roles.amountKzt !== undefined
            ? 'amountKzt'
            : roles.fiatAmount !== undefined
              ? 'fiatAmount'
              : null;
    if (role === null) return this.problem(null, 'the table has no amount column');
    const parsed = parseAmount(
      this.cell(row, role),
      this.amountOptions(role, role === 'amountKzt' ? 'KZT' : currency),
    );
    if (!parsed.ok) return this.problem(role, parsed.reason);
    const minor = parsed.value.minor;
    const sign = minor < 0 ? -1 : minor > 0 ? 1 : 0;
    return got({ magnitude: Math.abs(minor), sign, amountRole: role, currency: parsed.value.currency });
  }

  private optionalAmount(row: readonly Cell[], role: ColumnRole, currency: string): Got<Amount | null> {
    const cell = this.cell(row, role);
    if (this.roles[role] === undefined || isBlank(cell)) return got(null);
    const parsed = parseAmount(cell, this.amountOptions(role, currency));
    return parsed.ok ? got(parsed.value) : this.problem(role, parsed.reason);
  }

  private amountKzt(row: readonly Cell[], primary: ColumnRole): Got<number | null> {
    let role: ColumnRole | null = null;
    if (this.roles.amountKzt !== undefined && primary !== 'amountKzt') role = 'amountKzt';
    else if (this.roles.fiatAmount !== undefined && primary !== 'fiatAmount') {
      const fiat = parseCurrencyCode(this.cell(row, 'fiatCurrency'));
      if (fiat.ok && fiat.value === 'KZT') role = 'fiatAmount';
    }
    if (role === null || isBlank(this.cell(row, role))) return got(null);
    const parsed = parseAmount(this.cell(row, role), this.amountOptions(role, 'KZT'));
    if (!parsed.ok) return this.problem(role, parsed.reason);
    return got(Math.abs(parsed.value.minor));
  }

  private direction(row: readonly Cell[], r: number, sign: -1 | 0 | 1): Got<Direction> {
    const roles = this.roles;
    if (roles.credit !== undefined || roles.debit !== undefined) {
      if (sign !== 0 && (this.cellOf(row, 'credit') || this.cellOf(row, 'debit')))
        return got(sign > 0 ? 'in' : 'out');
    }
    if (sign < 0) return got('out');
    const section = this.section(r);
    if (section !== null) return got(section);
    if (this.sheetDirection !== null) return got(this.sheetDirection);
    if (roles.operationType !== undefined) {
      const text = this.text(row, 'operationType');
      const direction = text === '' ? null : directionOfText(text);
      if (direction !== null) return got(direction);
    }
    if (roles.side !== undefined) {
      const side = this.text(row, 'side').toLowerCase();
      if (side === 'buy' || side === 'покупка') return got('in');
      if (side === 'sell' || side === 'продажа') return got('out');
    }
    const byAccount = this.directionByOwnAccount(row);
    if (byAccount !== null) return got(byAccount);
    if (
      this.mapping.signedAmount ||
      (roles.operationType === undefined && roles.side === undefined && !this.hasPartyAccounts())
    ) {
      return got('in');
    }
    if (roles.operationType !== undefined) {
      return this.problem(
        'operationType',
        `operation type "${this.text(row, 'operationType')}" does not say whether money came in or went out`,
      );
    }
    return this.problem(null, 'nothing in the row says whether money came in or went out');
  }

  private cellOf(row: readonly Cell[], role: ColumnRole): boolean {
    return !isBlank(this.cell(row, role));
  }

  private hasPartyAccounts(): boolean {
    const roles = this.roles;
    return (
      roles.payerAccount !== undefined ||
      roles.recipientAccount !== undefined ||
      roles.fromAddress !== undefined
    );
  }

  private directionByOwnAccount(row: readonly Cell[]): Direction | null {
    const own = this.ownAccount;
    if (own === null) return null;
    const payer = compactAccount(this.text(row, 'payerAccount') || this.text(row, 'fromAddress'));
    const recipient = compactAccount(this.text(row, 'recipientAccount') || this.text(row, 'toAddress'));
    const isPayer = sameAccount(payer, own);
    const isRecipient = sameAccount(recipient, own);
    if (isPayer === isRecipient) return null;
    return isPayer ? 'out' : 'in';
  }

  private section(r: number): Direction | null {
    const sections = this.table.sections;
    // Rows are read in order, so the marker index only moves forward.
    while (this.sectionIndex + 1 < sections.length && (sections[this.sectionIndex + 1]?.row ?? Infinity) < r)
      this.sectionIndex++;
    return this.sectionIndex >= 0 ? (sections[this.sectionIndex]?.direction ?? null) : null;
  }

  private counterparty(row: readonly Cell[], direction: Direction): Counterparty {
    const columns = this.party[direction];
    const party: Counterparty = {};
    const intern = this.intern;
    const name = firstText(row, columns.name);
    if (name) party.name = intern('name', name);
    const id = firstText(row, columns.id);
    if (id) party.idNumber = intern('idNumber', normalizeId(id));
    const account = firstText(row, columns.account);
    if (account) party.account = intern('account', account);
    const bank = firstText(row, columns.bank);
    if (bank) party.bank = intern('bank', bank);
    const card = this.text(row, 'counterpartyCard');
    if (card) party.card = intern('card', card);
    const phone = this.text(row, 'counterpartyPhone');
    if (phone) party.phone = intern('phone', phone);
    return party;
  }

  private raw(row: readonly Cell[]): Partial<Record<ColumnRole, string>> {
    const raw: Partial<Record<ColumnRole, string>> = {};
    for (const key in this.roles) {
      const role = key as ColumnRole;
      const text = this.text(row, role);
      if (text !== '') raw[role] = text;
    }
    return raw;
  }

  totals(row: readonly Cell[], r: number): TotalsRow {
    let label = '';
    for (const cell of row) {
      if (typeof cell === 'string' && cell.trim() !== '') {
        label = parseText(cell);
        break;
      }
    }
    const balance = balanceLabel(label);
    const kind: TotalsRow['kind'] =
      balance === 'opening' ? 'openingBalance' : balance === 'closing' ? 'closingBalance' : 'total';
    const sums: TotalsRow['sums'] = {};
    for (const role of SUM_ROLES) {
      const index = this.roles[role];
      if (index === undefined) continue;
      const parsed = parseAmount(
        row[index] ?? null,
        this.amountOptions(role, role === 'amountKzt' ? 'KZT' : this.defaultCurrency),
      );
      if (parsed.ok) sums[role] = parsed.value.minor;
    }
    if (Object.keys(sums).length === 0) {
      // "Исходящий остаток | 126 386,65" outside the columns: the first number after the label.
      for (const cell of row) {
        if (typeof cell === 'string' && parseText(cell) === label) continue;
        const parsed = cell === null ? null : parseAmount(cell);
        if (parsed?.ok) {
          sums[kind === 'total' ? 'amount' : 'balance'] = parsed.value.minor;
          break;
        }
      }
    }
    return { row: r + 1, label, kind, sums };
  }
}

type AmountOptionsOf = { decimalSeparator: ',' | '.' | null; fractionDigits: number };

/** The text of the first of `columns` that is not empty after `parseText`. */
function firstText(row: readonly Cell[], columns: readonly number[]): string {
  for (let i = 0; i < columns.length; i++) {
    const text = parseText(row[columns[i] as number] ?? null);
    if (text !== '') return text;
  }
  return '';
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function compactAccount(text: string): string {
  return text.replace(ACCOUNT_NOISE, '').toUpperCase();
}

/** Equal, or one a prefix of the other when both are long: Freedom's sheet names cut IBANs short. */
function sameAccount(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 12 && (a.startsWith(b) || b.startsWith(a));
}

/** IIN/BIN lose leading zeros in Excel and carry a leading `'` when typed as text: restore 12 digits. */
export function normalizeId(text: string): string {
  if (text.length === 12 && isDigits(text)) return text; // the usual case, without a new string
  const digits = ID_DIGITS.exec(text.trim());
  return digits?.[1] ? digits[1].padStart(12, '0') : text;
}
