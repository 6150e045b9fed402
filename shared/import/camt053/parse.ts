import type {
  Balance,
  BankStatementDoc,
  BankStatementEntry,
  Counterparty,
  StatementParseResult,
  StatementProblem,
} from '../bank-statement';
import { decimalToMinor, normalizeIban } from '../bank-statement';
import type { XmlGuardLimits } from './xml-guard';
import { DEFAULT_XML_LIMITS, guardXml } from './xml-guard';
import type { Node } from './xml-tree';
import { attribute, child, createCamtParser, list, text, texts, validateXml } from './xml-tree';

/**
 * ISO 20022 camt.053 (bank-to-customer statement), versions 001.02 to 001.08 — the element
 * names used here are the same in all of them, except the party wrapper `Pty` added in .08
 * (`Dbtr/Pty/Nm`), which is handled. Input is decoded text; never throws.
 */
export function parseCamt053(xml: string, limits: Partial<XmlGuardLimits> = {}): StatementParseResult {
  const effective = { ...DEFAULT_XML_LIMITS, ...limits };
  const refuse = (line: number, message: string): StatementParseResult => ({
    statements: [],
    problems: [{ line, message: `line ${line}: ${message}`, severity: 'error' }],
  });

  const body = xml.replace(/^\uFEFF/, '');
  if (!body.trimStart().startsWith('<')) return refuse(1, 'this is not XML, so not a CAMT.053 statement');
  const guard = guardXml(body, effective);
  if (!guard.ok) return refuse(guard.line, guard.message);
  const valid = validateXml(body);
  if (!valid.ok) return refuse(valid.line, `the XML is malformed: ${valid.message}`);

  let tree: unknown;
  try {
    tree = createCamtParser(effective.maxDepth).parse(body);
  } catch (error) {
    return refuse(1, `the XML could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const document = child(tree, 'Document');
  // The parser drops xmlns attributes along with prefixes, so read the namespace from the text.
  const namespace =
    /urn:iso:std:iso:20022:tech:xsd:camt\.\d{3}\.\d{3}\.\d{2}/.exec(body.slice(0, 4096))?.[0] ?? '';
  const root = child(document, 'BkToCstmrStmt');
  if (root === undefined) {
    const kind = /camt\.\d{3}\.\d{3}\.\d{2}/.exec(namespace)?.[0];
    return refuse(
      1,
      kind
        ? `this is ${kind}, not a camt.053 bank-to-customer statement`
        : 'no <Document><BkToCstmrStmt> found: this is not a CAMT.053 statement',
    );
  }
  const problems: StatementProblem[] = [];
  if (namespace && !/camt\.053\.001\.0[2-8]/.test(namespace)) {
    problems.push({
      line: 1,
      message: `line 1: namespace \`${namespace}\` is not camt.053.001.02–.08; read as camt.053 anyway`,
      severity: 'warning',
    });
  }

  const statements = list(root, 'Stmt').map((stmt, index) => {
    const lines = guard.statements[index];
    return readStatement(stmt, lines?.stmt ?? 1, lines?.entries ?? [], problems);
  });
  return { statements, problems };
}

function problemAt(problems: StatementProblem[], line: number, tag: string, message: string): void {
  problems.push({ line, tag, message: `line ${line}, <${tag}>: ${message}`, severity: 'error' });
}

/** `<Dt>2024-01-31</Dt>` or `<DtTm>2024-01-31T10:00:00+06:00</DtTm>` -> '2024-01-31' */
function dateOf(node: unknown): string | undefined {
  const value = text(node, 'Dt') ?? text(node, 'DtTm');
  return value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

function amountOf(
  node: unknown,
  problems: StatementProblem[],
  line: number,
  tag: string,
): { minor: number; currency: string } | undefined {
  const value = text(node);
  const currency = attribute(node, 'Ccy');
  if (value === undefined || currency === undefined) {
    problemAt(problems, line, tag, 'amount or its Ccy attribute is missing');
    return undefined;
  }
  const converted = decimalToMinor(value, currency, '.');
  if (!converted.ok) {
    problemAt(problems, line, tag, `amount \`${value}\` ${converted.reason}`);
    return undefined;
  }
  return { minor: converted.minor, currency };
}

function readStatement(
  stmt: Node,
  line: number,
  entryLines: number[],
  problems: StatementProblem[],
): BankStatementDoc {
  const iban = text(stmt, 'Acct', 'Id', 'IBAN');
  const raw = iban ?? text(stmt, 'Acct', 'Id', 'Othr', 'Id') ?? '';
  const doc: BankStatementDoc = { format: 'camt053', account: { raw }, entries: [], line };
  const normalized = iban ? normalizeIban(iban) : undefined;
  if (normalized) doc.account.iban = normalized;
  const accountCurrency = text(stmt, 'Acct', 'Ccy');
  if (accountCurrency) doc.account.currency = accountCurrency;
  const owner = text(stmt, 'Acct', 'Ownr', 'Nm');
  if (owner) doc.account.ownerName = owner;
  const bic =
    text(stmt, 'Acct', 'Svcr', 'FinInstnId', 'BIC') ?? text(stmt, 'Acct', 'Svcr', 'FinInstnId', 'BICFI');
  if (bic) doc.account.bic = bic;
  const reference = text(stmt, 'Id');
  if (reference) doc.reference = reference;
  const sequence = text(stmt, 'ElctrncSeqNb') ?? text(stmt, 'LglSeqNb');
  if (sequence) doc.statementNumber = sequence;
  const created = text(stmt, 'CreDtTm');
  if (created) doc.createdAt = created;
  const information = text(stmt, 'AddtlStmtInf');
  if (information) doc.information = information;

  for (const bal of list(stmt, 'Bal')) {
    const code = text(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? text(bal, 'Tp', 'CdOrPrtry', 'Prtry');
    const amount = amountOf(child(bal, 'Amt'), problems, line, 'Bal');
    const date = dateOf(child(bal, 'Dt'));
    if (!amount || !date) {
      if (amount && !date) problemAt(problems, line, 'Bal', `balance ${code ?? ''} has no date; skipped`);
      continue;
    }
    const debit = text(bal, 'CdtDbtInd') === 'DBIT';
    const balance: Balance = {
      date,
      amountMinor: debit ? -amount.minor : amount.minor,
      currency: amount.currency,
    };
    // PRCD (previously closed booked) is the opening balance when a bank sends no OPBD.
    if (code === 'OPBD' || (code === 'PRCD' && !doc.openingBalance)) doc.openingBalance = balance;
    else if (code === 'CLBD') doc.closingBalance = balance;
    else if (code === 'CLAV') doc.availableBalance = balance;
    else if (code === 'FWAV') (doc.forwardAvailableBalances ??= []).push(balance);
  }

  list(stmt, 'Ntry').forEach((ntry, index) => {
    doc.entries.push(...readEntry(ntry, entryLines[index] ?? line, problems));
  });
  return doc;
}

function transactionType(node: unknown): string | undefined {
  const domain = text(node, 'BkTxCd', 'Domn', 'Cd');
  if (domain) {
    return [
      domain,
      text(node, 'BkTxCd', 'Domn', 'Fmly', 'Cd'),
      text(node, 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd'),
    ]
      .filter(Boolean)
      .join('/');
  }
  return text(node, 'BkTxCd', 'Prtry', 'Cd');
}

/** A party's name: `Dbtr/Nm` up to .07, `Dbtr/Pty/Nm` in .08. */
function partyName(parties: unknown, role: string): string | undefined {
  return text(parties, role, 'Nm') ?? text(parties, role, 'Pty', 'Nm');
}

function counterpartyOf(tx: unknown, side: 'Dbtr' | 'Cdtr'): Counterparty | undefined {
  const parties = child(tx, 'RltdPties');
  const counterparty: Counterparty = {};
  const name = partyName(parties, side);
  if (name) counterparty.name = name;
  const iban = text(parties, `${side}Acct`, 'Id', 'IBAN');
  const normalized = iban ? normalizeIban(iban) : undefined;
  if (normalized) counterparty.iban = normalized;
  const other = (iban && !normalized ? iban : undefined) ?? text(parties, `${side}Acct`, 'Id', 'Othr', 'Id');
  if (other) counterparty.account = other;
  const agent = child(tx, 'RltdAgts', `${side}Agt`, 'FinInstnId');
  const bic = text(agent, 'BIC') ?? text(agent, 'BICFI');
  if (bic) counterparty.bic = bic;
  return Object.keys(counterparty).length > 0 ? counterparty : undefined;
}

function readEntry(ntry: Node, line: number, problems: StatementProblem[]): BankStatementEntry[] {
  const amount = amountOf(child(ntry, 'Amt'), problems, line, 'Ntry');
  const indicator = text(ntry, 'CdtDbtInd');
  const bookingDate = dateOf(child(ntry, 'BookgDt'));
  const valueDate = dateOf(child(ntry, 'ValDt')) ?? bookingDate;
  if (!amount) return [];
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    problemAt(
      problems,
      line,
      'Ntry',
      `CdtDbtInd \`${indicator ?? ''}\` is neither CRDT nor DBIT; entry skipped`,
    );
    return [];
  }
  if (!valueDate) {
    problemAt(problems, line, 'Ntry', 'entry has neither ValDt nor BookgDt; entry skipped');
    return [];
  }
  // CdtDbtInd is the direction of this booking; RvslInd only says it undoes an earlier one
  // (ISO 20022: CRDT + reversal means the original was a debit).
  const reversal = text(ntry, 'RvslInd') === 'true';
  const direction = indicator === 'CRDT' ? 'credit' : 'debit';
  const entryInfo = texts(ntry, 'AddtlNtryInf');
  const base: BankStatementEntry = {
    valueDate,
    direction,
    reversal,
    amountMinor: amount.minor,
    currency: amount.currency,
    description: '',
    line,
  };
  if (bookingDate) base.bookingDate = bookingDate;
  const type = transactionType(ntry);
  if (type) base.transactionType = type;
  const bankReference = text(ntry, 'AcctSvcrRef');
  if (bankReference) base.bankReference = bankReference;

  const details = list(ntry, 'NtryDtls').flatMap((group) => list(group, 'TxDtls'));
  const ownAmount = (tx: Node): unknown => child(tx, 'AmtDtls', 'TxAmt', 'Amt') ?? child(tx, 'Amt');
  // A batch booking: one entry per transaction, but only when each carries its own amount —
  // otherwise the split is unknowable and the entry stays whole.
  if (details.length > 1 && details.every((tx) => ownAmount(tx) !== undefined)) {
    return details.flatMap((tx) => {
      const txAmount = amountOf(ownAmount(tx), problems, line, 'TxDtls');
      if (!txAmount) return [];
      const txIndicator = text(tx, 'CdtDbtInd');
      const txDirection: BankStatementEntry['direction'] =
        txIndicator === 'CRDT' ? 'credit' : txIndicator === 'DBIT' ? 'debit' : direction;
      const entry = {
        ...base,
        direction: txDirection,
        amountMinor: txAmount.minor,
        currency: txAmount.currency,
      };
      return [withTransaction(entry, tx, entryInfo)] as BankStatementEntry[];
    });
  }
  const single = details.length === 1 ? details[0] : undefined;
  return [withTransaction(base, single, entryInfo)];
}

function withTransaction(
  entry: BankStatementEntry,
  tx: Node | undefined,
  entryInfo: string[],
): BankStatementEntry {
  const result: BankStatementEntry = { ...entry };
  const endToEnd = text(tx, 'Refs', 'EndToEndId');
  if (endToEnd && endToEnd.toUpperCase() !== 'NOTPROVIDED') result.endToEndId = endToEnd;
  const customer = text(tx, 'Refs', 'InstrId') ?? text(tx, 'Refs', 'PmtInfId');
  if (customer && customer.toUpperCase() !== 'NOTPROVIDED') result.customerReference = customer;
  const txBankReference = text(tx, 'Refs', 'AcctSvcrRef');
  if (txBankReference && !result.bankReference) result.bankReference = txBankReference;
  const type = transactionType(tx);
  if (type && !result.transactionType) result.transactionType = type;

  // The counterparty is the other side of the ORIGINAL payment: for a credit the debtor paid
  // us, for a debit we paid the creditor. A reversal undoes that payment, so its parties are
  // read as in the original (reversed credit -> debtor). Fall back to the other side if empty.
  const originalCredit = (entry.direction === 'credit') !== entry.reversal;
  const primary = originalCredit ? 'Dbtr' : 'Cdtr';
  const counterparty =
    counterpartyOf(tx, primary) ?? counterpartyOf(tx, primary === 'Dbtr' ? 'Cdtr' : 'Dbtr');
  if (counterparty) result.counterparty = counterparty;

  const remittance = [
    ...texts(tx, 'RmtInf', 'Ustrd'),
    ...list(tx, 'RmtInf', 'Strd')
      .map((strd) => text(strd, 'CdtrRefInf', 'Ref'))
      .filter((ref): ref is string => ref !== undefined),
  ];
  const parts = [...remittance, text(tx, 'AddtlTxInf'), ...entryInfo].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  result.description = [...new Set(parts)].join(' ').replace(/\s+/g, ' ').trim();
  return result;
}
