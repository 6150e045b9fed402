/**
 * Who is on each side of one statement row. The owner is the statement's own account (the row's
 * own-account column, else the account its preamble names, else the exchange whose export it
 * is); the counterparty is the strongest identifier the row's counterparty columns give, then
 * its payment note ("Перевод по номеру телефона +7 778 …"), then the company's BIN or the name.
 */
import { entityKey } from '../identifiers/resolve';
import { normalize } from '../identifiers/recognize';
import type { IdentifierKind } from '../identifiers/types';
import type {
  IdentifierMention,
  ImportedTransaction,
  StatementAccount,
  StatementImport,
} from '../model/statement';
import { normalizeHolderName } from '../resolve/holders';
import type { TransferChannel } from './types';

const COUNTERPARTY_ORDER: readonly IdentifierKind[] = [
  'card',
  'iban',
  'tron',
  'eth',
  'btc',
  'card_masked',
  'phone',
];
const NOTE_ORDER: readonly IdentifierKind[] = ['card', 'card_masked', 'phone', 'iban', 'tron', 'eth', 'btc'];
const ACCOUNT_KINDS: readonly IdentifierKind[] = [
  'iban',
  'card',
  'card_masked',
  'tron',
  'eth',
  'btc',
  'phone',
];

const CASH = /сняти[ея] наличн|выдача наличн|банкомат|\batm\b|cash withdrawal|қолма-қол/i;
const PURCHASE = /покупка|оплата товар|оплата услуг|purchase|\bpos\b|сатып ал/i;
const EXCHANGES = /binance|bybit|okx|htx|huobi|kucoin|garantex|exmo|whitebit|bitget|mexc|gate\.?io/i;

export interface RowParties {
  owner: string;
  counterparty: string;
  channel: TransferChannel;
  /** The counterparty is a cash desk or a shop: money is spent there. */
  endPoint?: 'atm' | 'merchant';
  counterpartyName?: string;
  counterpartyId?: string;
}

/** Any raw account, card or wallet text as an entity key, or null when it is none of them. */
export function accountKey(raw: string | undefined): string | null {
  if (!raw) return null;
  for (const kind of ACCOUNT_KINDS) {
    const value = normalize(kind, raw);
    if (value !== null) return entityKey(kind, value);
  }
  return null;
}

/** The exchange an export comes from, by its file name: "Binance", or "exchange" when unnamed. */
export function exchangeOf(fileName: string): string {
  const m = EXCHANGES.exec(fileName);
  if (!m) return 'Exchange';
  const name = m[0].toLowerCase();
  return name === 'okx' || name === 'htx' || name === 'mexc'
    ? name.toUpperCase()
    : name[0]?.toUpperCase() + name.slice(1);
}

const compact = (raw: string) => raw.replace(/[\s-]/g, '').toUpperCase();

export class SourceRows {
  /** Sheet → row → mentions: numeric row keys, no string built per lookup. */
  private readonly byRow = new Map<string, Map<number, IdentifierMention[]>>();
  /** Every owner this statement's rows named, with the preamble it came from (for holder, bank…). */
  readonly owners = new Map<string, StatementAccount | null>();
  private readonly accountsBySheet = new Map<string, StatementAccount[]>();
  readonly exchangeKey: string | null;

  constructor(readonly source: StatementImport) {
    for (const m of source.mentions) {
      let rows = this.byRow.get(m.sheet);
      if (!rows) this.byRow.set(m.sheet, (rows = new Map()));
      const list = rows.get(m.row);
      if (list) list.push(m);
      else rows.set(m.row, [m]);
    }
    for (const a of source.accounts) {
      const list = this.accountsBySheet.get(a.sheet) ?? [];
      list.push(a);
      this.accountsBySheet.set(a.sheet, list);
    }
    for (const list of this.accountsBySheet.values()) list.sort((x, y) => x.row - y.row);
    // An exchange's own exports (P2P orders, withdrawals) name no account: the file is the account.
    const crypto =
      source.accounts.length === 0 && source.transactions.some((t) => !t.ownAccount && (t.orderId || t.txid));
    this.exchangeKey = crypto ? `exchange:${exchangeOf(source.source.name)}` : null;
  }

  mentionsAt(sheet: string, row: number): readonly IdentifierMention[] {
    return this.byRow.get(sheet)?.get(row) ?? [];
  }

  /** The statement account a row belongs to: the last preamble on its sheet above it. */
  accountOf(tx: ImportedTransaction): StatementAccount | undefined {
    const list = this.accountsBySheet.get(tx.sheet);
    if (!list) return undefined;
    let found: StatementAccount | undefined = list[0];
    for (const a of list) if (a.row <= tx.row) found = a;
    return found;
  }

  parties(tx: ImportedTransaction): RowParties | null {
    const owner = this.ownerOf(tx);
    if (owner === null) return null;
    if (!this.owners.has(owner)) this.owners.set(owner, this.accountOf(tx) ?? null);
    const cp = tx.counterparty;
    const mentions = this.mentionsAt(tx.sheet, tx.row);
    const text = `${tx.description} ${cp.name ?? ''}`;
    const out: Omit<RowParties, 'counterparty' | 'channel'> = { owner };
    if (cp.name) out.counterpartyName = cp.name;
    if (cp.idNumber) out.counterpartyId = cp.idNumber;
    if (CASH.test(text))
      return { ...out, counterparty: `cash:${cp.bank ?? 'ATM'}`, channel: 'cash', endPoint: 'atm' };
    const pick = (role: IdentifierMention['role'], order: readonly IdentifierKind[]) => {
      for (const kind of order) {
        const m = mentions.find(
          (x) => x.role === role && x.kind === kind && entityKey(x.kind, x.value) !== owner,
        );
        if (m) return m;
      }
      return undefined;
    };
    const found = pick('counterparty', COUNTERPARTY_ORDER) ?? pick('description', NOTE_ORDER);
    const purchase = PURCHASE.test(tx.description) || tx.knp === '710';
    if (found) {
      const counterparty = entityKey(found.kind, found.value);
      const channel: TransferChannel =
        found.kind === 'phone'
          ? 'phone'
          : found.kind === 'iban'
            ? purchase
              ? 'pos'
              : 'account'
            : found.kind === 'tron' || found.kind === 'eth' || found.kind === 'btc'
              ? 'chain'
              : 'card';
      return purchase && found.kind === 'iban'
        ? { ...out, counterparty, channel, endPoint: 'merchant' }
        : { ...out, counterparty, channel };
    }
    const company = mentions.find((x) => x.role === 'counterparty' && (x.kind === 'bin' || x.kind === 'iin'));
    const channel: TransferChannel = purchase ? 'pos' : 'account';
    const endPoint = purchase ? ({ endPoint: 'merchant' } as const) : {};
    if (company)
      return { ...out, counterparty: entityKey(company.kind, company.value), channel, ...endPoint };
    if (cp.name)
      return { ...out, counterparty: `name:${normalizeHolderName(cp.name)}`, channel, ...endPoint };
    return {
      ...out,
      counterparty: `unknown:${this.source.source.sha256.slice(0, 12)}:${tx.sheet}`,
      channel,
      ...endPoint,
    };
  }

  private readonly ownKeys = new Map<string, string | null>();

  private ownerOf(tx: ImportedTransaction): string | null {
    // A statement writes its own account the same way on every row: parse it once.
    let own = tx.ownAccount === undefined ? null : this.ownKeys.get(tx.ownAccount);
    if (own === undefined && tx.ownAccount !== undefined) {
      own = accountKey(tx.ownAccount);
      this.ownKeys.set(tx.ownAccount, own);
    }
    if (own !== null && own !== undefined) return own;
    const account = this.accountOf(tx);
    if (account) return this.statementKey(account);
    if (tx.ownAccount) return `account:${compact(tx.ownAccount)}`;
    return this.exchangeKey;
  }

  private readonly statementKeys = new Map<StatementAccount, string>();

  /**
   * The place a statement is about. Its valid IBAN, card or phone when it names one; otherwise the
   * account number as printed (a bank's own format, a redacted test number), and failing that the
   * statement itself: every row of a statement belongs to the statement's account.
   */
  statementKey(account: StatementAccount): string {
    let key = this.statementKeys.get(account);
    if (key === undefined) {
      key =
        accountKey(account.account) ??
        accountKey(account.card) ??
        accountKey(account.phone) ??
        (account.account
          ? `account:${compact(account.account)}`
          : account.card
            ? `account:${compact(account.card)}`
            : `statement:${account.holderName ?? this.source.source.name} · ${account.sheet} · ${this.source.source.sha256.slice(0, 8)}`);
      this.statementKeys.set(account, key);
    }
    return key;
  }
}
