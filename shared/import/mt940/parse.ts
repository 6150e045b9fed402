import type {
  Balance,
  BankStatementDoc,
  BankStatementEntry,
  StatementParseResult,
  StatementProblem,
} from '../bank-statement';
import { UNKNOWN_CURRENCY, decimalToMinor } from '../bank-statement';
import { parseDetails86 } from './details-86';
import type { RawBalance } from './fields';
import { parseAccount, parseBalance, parseDateTime, parseFloorLimit, parseSummary } from './fields';
import type { StatementLine } from './statement-line';
import { parseStatementLine } from './statement-line';
import type { Mt940Token } from './tokenize';
import { tokenizeMt940 } from './tokenize';

/**
 * Parses SWIFT MT940 (customer statement) and MT942 (interim report) text — already decoded to a
 * string — into statements. Never throws: anything unreadable becomes a problem with its line.
 *
 * Statement boundaries: `:20:`, a `-`/`-}` terminator, a `{1:` header, or an opening balance
 * (`:60F:`/`:60M:`) arriving when the current statement already has one (some exports omit :20:).
 */
export function parseMt940(text: string): StatementParseResult {
  return new Mt940Assembler().run(text);
}

type FieldToken = Extract<Mt940Token, { kind: 'field' }>;

interface PendingEntry {
  line: number;
  statementLine: StatementLine;
  details: string[][];
  ns: string[];
}

interface Draft {
  doc: BankStatementDoc;
  message942: boolean;
  seen942Tags: boolean;
  balances: {
    key: 'opening' | 'closing' | 'available';
    raw: RawBalance;
    line: number;
    tag: string;
    intermediate: boolean;
  }[];
  forward: { raw: RawBalance; line: number }[];
  entries: PendingEntry[];
  information: string[][];
  /** The entry that a following :86:/:NS: belongs to; undefined after a balance or at the start. */
  openEntry?: PendingEntry | 'skipped';
  floor: { currency: string; mark?: 'C' | 'D'; amountText: string; line: number }[];
  summaries: { tag: string; count: number; currency: string; amountText: string; line: number }[];
  hasContent: boolean;
}

class Mt940Assembler {
  private readonly statements: BankStatementDoc[] = [];
  private readonly problems: StatementProblem[] = [];
  private draft: Draft | undefined;
  private next942 = false;

  run(text: string): StatementParseResult {
    const tokens = tokenizeMt940(text);
    if (!tokens.some((token) => token.kind === 'field' && token.tag !== 'NS')) {
      const firstLine = tokens.find((token) => token.kind === 'junk')?.line ?? 1;
      return {
        statements: [],
        problems: [
          {
            line: firstLine,
            message: `line ${firstLine}: this is not an MT940/MT942 statement — no SWIFT tags such as :20:, :25:, :60F: or :61: were found`,
            severity: 'error',
          },
        ],
      };
    }
    for (const token of tokens) {
      if (token.kind === 'end') {
        this.finish();
        this.next942 = token.message942 ?? false;
      } else if (token.kind === 'junk') {
        if (this.draft?.hasContent) {
          this.problem(
            token.line,
            undefined,
            `text \`${token.text.trim().slice(0, 40)}\` outside any tag ignored`,
            'warning',
          );
        }
      } else {
        this.field(token);
      }
    }
    this.finish();
    return { statements: this.statements, problems: this.problems };
  }

  private problem(
    line: number,
    tag: string | undefined,
    text: string,
    severity: 'error' | 'warning' = 'error',
  ): void {
    const problem: StatementProblem = {
      line,
      message: `line ${line}${tag ? `, :${tag}:` : ':'} ${text}`,
      severity,
    };
    if (tag) problem.tag = `:${tag}:`;
    this.problems.push(problem);
  }

  private open(line: number): Draft {
    if (!this.draft) {
      this.draft = {
        doc: { format: 'mt940', account: { raw: '' }, entries: [], line },
        message942: this.next942,
        seen942Tags: false,
        balances: [],
        forward: [],
        entries: [],
        information: [],
        floor: [],
        summaries: [],
        hasContent: false,
      };
    }
    return this.draft;
  }

  private field(token: FieldToken): void {
    const { tag, lines, line } = token;
    const first = (lines[0] ?? '').trim();

    if (
      tag === '20' ||
      ((tag === '60F' || tag === '60M') && this.draft?.balances.some((b) => b.key === 'opening'))
    ) {
      this.finish();
    }
    if (tag === 'NS' && !this.draft) return; // a lone non-SWIFT block carries nothing we can use
    const draft = this.open(line);
    draft.hasContent = true;
    const extraLines = lines.slice(1).filter((extra) => extra.trim() !== '');
    if (extraLines.length > 0 && !['61', '86', 'NS'].includes(tag)) {
      this.problem(
        line,
        tag,
        `unexpected continuation text \`${(extraLines[0] ?? '').trim().slice(0, 40)}\` ignored`,
        'warning',
      );
    }

    switch (tag) {
      case '20':
        draft.doc.reference = first;
        break;
      case '21':
        draft.doc.relatedReference = first;
        break;
      case '25':
      case '25P':
        if (draft.doc.account.raw) {
          this.problem(
            line,
            tag,
            `second account \`${first.slice(0, 40)}\` in one statement ignored; keeping \`${draft.doc.account.raw}\``,
          );
        } else {
          draft.doc.account = parseAccount(first);
        }
        break;
      case '28':
      case '28C':
        draft.doc.statementNumber = first;
        break;
      case '60F':
      case '60M':
      case '60':
      case '62F':
      case '62M':
      case '62':
      case '64':
      case '65':
        this.balance(draft, tag, first, line);
        draft.openEntry = undefined;
        break;
      case '61':
        this.statementLine(draft, lines, line);
        break;
      case '86':
        this.details(draft, lines);
        break;
      case 'NS':
        if (draft.openEntry && draft.openEntry !== 'skipped') draft.openEntry.ns.push(lines.join('\n'));
        else if (draft.openEntry !== 'skipped') draft.information.push(lines);
        break;
      case '13':
      case '13D': {
        draft.seen942Tags = true;
        const parsed = parseDateTime(first);
        if (parsed.ok) draft.doc.createdAt = parsed.value;
        else this.problem(line, tag, parsed.reason);
        break;
      }
      case '34F': {
        draft.seen942Tags = true;
        const parsed = parseFloorLimit(first);
        if (parsed.ok) draft.floor.push({ ...parsed.value, line });
        else this.problem(line, tag, parsed.reason);
        break;
      }
      case '90D':
      case '90C': {
        draft.seen942Tags = true;
        const parsed = parseSummary(first);
        if (parsed.ok) draft.summaries.push({ tag, ...parsed.value, line });
        else this.problem(line, tag, parsed.reason);
        draft.openEntry = undefined;
        break;
      }
    }
  }

  private balance(draft: Draft, tag: string, text: string, line: number): void {
    const parsed = parseBalance(text);
    if (!parsed.ok) {
      this.problem(line, tag, `balance ${parsed.reason}; balance skipped`);
      return;
    }
    for (const warning of parsed.value.warnings) this.problem(line, tag, `balance ${warning}`, 'warning');
    if (tag === '65') {
      draft.forward.push({ raw: parsed.value, line });
      return;
    }
    const key = tag.startsWith('60') ? 'opening' : tag.startsWith('62') ? 'closing' : 'available';
    if (draft.balances.some((balance) => balance.key === key)) {
      this.problem(line, tag, `second ${key} balance in one statement ignored`);
      return;
    }
    draft.balances.push({ key, raw: parsed.value, line, tag, intermediate: tag.endsWith('M') });
  }

  private statementLine(draft: Draft, lines: string[], line: number): void {
    const parsed = parseStatementLine(lines);
    if (!parsed.ok) {
      this.problem(line, '61', `${parsed.reason}; entry skipped`);
      draft.openEntry = 'skipped';
      return;
    }
    for (const warning of parsed.value.warnings) this.problem(line, '61', warning, 'warning');
    const entry: PendingEntry = { line, statementLine: parsed.value, details: [], ns: [] };
    draft.entries.push(entry);
    draft.openEntry = entry;
  }

  private details(draft: Draft, lines: string[]): void {
    if (draft.openEntry === 'skipped') return; // belongs to an entry we could not read
    if (draft.openEntry) draft.openEntry.details.push(lines);
    else if (lines.some((text) => text.trim() !== '')) draft.information.push(lines);
  }

  /** The currency entries are booked in: the statement's balances, else the :25: suffix. */
  private statementCurrency(draft: Draft): string | undefined {
    return (
      draft.balances.find((balance) => balance.key === 'opening' && balance.raw.currency)?.raw.currency ??
      draft.balances.find((balance) => balance.raw.currency)?.raw.currency ??
      draft.floor[0]?.currency ??
      draft.summaries[0]?.currency ??
      draft.doc.account.currency
    );
  }

  private money(
    amountText: string,
    currency: string,
    line: number,
    tag: string,
    what: string,
  ): number | undefined {
    const converted = decimalToMinor(amountText, currency, ',');
    if (converted.ok) return converted.minor;
    this.problem(line, tag, `${what ? `${what} ` : ''}amount \`${amountText}\` ${converted.reason}`);
    return undefined;
  }

  private finish(): void {
    const draft = this.draft;
    this.draft = undefined;
    if (!draft?.hasContent) return;
    const doc = draft.doc;
    if (
      draft.message942 ||
      (draft.seen942Tags && !draft.balances.some((balance) => balance.key === 'opening'))
    ) {
      doc.format = 'mt942';
    }
    const currency = this.statementCurrency(draft);

    const toBalance = (raw: RawBalance, line: number, tag: string): Balance | undefined => {
      let balanceCurrency = raw.currency;
      if (!balanceCurrency) {
        if (!currency) {
          this.problem(line, tag, 'balance missing currency and the statement states none; balance skipped');
          return undefined;
        }
        this.problem(
          line,
          tag,
          `balance missing currency; ${currency} assumed from the statement`,
          'warning',
        );
        balanceCurrency = currency;
      }
      const minor = this.money(raw.amountText, balanceCurrency, line, tag, 'balance');
      if (minor === undefined) return undefined;
      return {
        date: raw.date,
        amountMinor: raw.debit && minor !== 0 ? -minor : minor,
        currency: balanceCurrency,
      };
    };
    for (const { key, raw, line, tag, intermediate } of draft.balances) {
      const balance = toBalance(raw, line, tag);
      if (!balance) continue;
      if (intermediate) balance.intermediate = true;
      if (key === 'opening') doc.openingBalance = balance;
      else if (key === 'closing') doc.closingBalance = balance;
      else doc.availableBalance = balance;
    }
    for (const { raw, line } of draft.forward) {
      const balance = toBalance(raw, line, '65');
      if (balance) (doc.forwardAvailableBalances ??= []).push(balance);
    }
    for (const limit of draft.floor) {
      const minor = this.money(limit.amountText, limit.currency, limit.line, '34F', 'floor limit');
      if (minor === undefined) continue;
      const value = { amountMinor: minor, currency: limit.currency };
      doc.floorLimit ??= {};
      // One :34F: without a mark applies to both directions.
      if (limit.mark !== 'C') doc.floorLimit.debit = value;
      if (limit.mark !== 'D') doc.floorLimit.credit = value;
    }
    for (const summary of draft.summaries) {
      const minor = this.money(summary.amountText, summary.currency, summary.line, summary.tag, 'sum');
      if (minor === undefined) continue;
      const value = { count: summary.count, amountMinor: minor, currency: summary.currency };
      if (summary.tag === '90D') doc.debitSummary = value;
      else doc.creditSummary = value;
    }

    if (draft.entries.length > 0 && !currency) {
      this.problem(
        draft.entries[0]?.line ?? doc.line,
        '61',
        `statement states no currency (no balance, no currency in :25:); entries recorded in ${UNKNOWN_CURRENCY}`,
        'warning',
      );
    }
    const entryCurrency = currency ?? UNKNOWN_CURRENCY;
    for (const pending of draft.entries) {
      const entry = this.entry(pending, entryCurrency);
      if (entry) doc.entries.push(entry);
    }
    const information = draft.information.map((lines) => parseDetails86(lines).description).filter(Boolean);
    if (information.length > 0) doc.information = information.join('\n');
    this.statements.push(doc);
  }

  private entry(pending: PendingEntry, currency: string): BankStatementEntry | undefined {
    const line = pending.statementLine;
    const amountMinor = this.money(line.amountText, currency, pending.line, '61', 'entry');
    if (amountMinor === undefined) return undefined;
    // Several :86: for one entry (Rabobank) are consecutive lines of one text.
    const details = parseDetails86(pending.details.flat());
    const entry: BankStatementEntry = {
      valueDate: line.valueDate,
      direction: line.direction,
      reversal: line.reversal,
      amountMinor,
      currency,
      description:
        [details.description, ...pending.ns.map((text) => text.replace(/\s+/g, ' ').trim())]
          .filter((part) => part !== '')
          .join(' ') ||
        (line.supplementaryDetails ?? ''),
      line: pending.line,
    };
    if (line.bookingDate) entry.bookingDate = line.bookingDate;
    if (line.transactionType) entry.transactionType = line.transactionType;
    const customerReference = line.customerReference ?? details.customerReference;
    if (customerReference) entry.customerReference = customerReference;
    if (line.bankReference) entry.bankReference = line.bankReference;
    if (details.endToEndId) entry.endToEndId = details.endToEndId;
    if (line.supplementaryDetails) entry.supplementaryDetails = line.supplementaryDetails;
    if (details.bankTransactionCode) entry.bankTransactionCode = details.bankTransactionCode;
    if (details.counterparty) entry.counterparty = details.counterparty;
    return entry;
  }
}
