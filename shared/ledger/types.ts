/**
 * The case as money moving between holders: the one structure tracing, patterns and the graph
 * all read. Built from the imported statements by `buildLedger` (ledger/build.ts); everything in
 * it points back to the rows it rests on.
 *
 * A **node** is a place money can sit: one bank account with every identifier known to reach it
 * (its IBAN, its cards, the phones bound to it, masked forms resolved to its card), a wallet, an
 * exchange account, or a counterparty known only by one identifier. A **transfer** moves an
 * amount from one node to another at one moment; a P2P exchange order is a transfer that also
 * converts (fiat leaves a card, USDT arrives in the exchange account).
 */
import type { IdentifierKind } from '../identifiers/types';

/** Where a fact sits: file (by SHA-256), sheet, Excel row. */
export interface RowEvidence {
  sha256: string;
  sheet: string;
  row: number;
}

export type NodeKind =
  | 'account' // a bank account or card of a statement holder or counterparty
  | 'wallet' // a blockchain address
  | 'exchange-account' // an account on a crypto exchange (Binance…)
  | 'cash' // cash out: ATM withdrawal, cash desk
  | 'merchant' // a shop or service paid by card (POS): where money is spent
  | 'unknown'; // a counterparty the statement does not identify

/** Why money stops here in a trace, unless the investigator says otherwise. */
export type EndPointReason = 'exchange' | 'atm' | 'merchant' | 'cash';

export interface LedgerNode {
  /** Index into `Ledger.nodes`. */
  id: number;
  kind: NodeKind;
  /**
   * The identifier that names the node (entityKey form `kind:value`, e.g. `card:4400430396052679`);
   * the strongest one known: IBAN > card > phone > masked card for accounts, the address for wallets.
   */
  key: string;
  idKind: IdentifierKind | 'exchange' | 'name';
  value: string;
  /** Every identifier (entityKey) that reaches this node, including `key`. */
  identifiers: string[];
  holder?: string;
  /** IIN/BIN of the holder, when a statement or counterparty column gives it. */
  holderId?: string;
  /** Bank name, exchange name, or chain (`TRON`). */
  institution?: string;
  endPoint?: EndPointReason;
  /** True for nodes whose own statement (or wallet export) is in the case: their outflows are known. */
  hasStatement: boolean;
  /** Opening balance per currency (minor units) from the statement's preamble, when given. */
  openingMinor?: Record<string, number>;
}

export type TransferChannel = 'card' | 'phone' | 'account' | 'pos' | 'cash' | 'p2p' | 'chain' | 'exchange';

export interface LedgerTransfer {
  /** Index into `Ledger.transfers`; transfers are sorted by `at`, then by evidence. */
  id: number;
  from: number;
  to: number;
  /** UTC epoch ms. */
  at: number;
  /** Positive integer minor units of `currency`, as it left `from`. */
  amountMinor: number;
  currency: string;
  /**
   * A conversion (P2P order): what arrived at `to`, in `toCurrency`. Absent: the same amount and
   * currency arrived.
   */
  toAmountMinor?: number;
  toCurrency?: string;
  channel: TransferChannel;
  /** The rows that record it: one side, both sides of a bank transfer, or a bank row and an order. */
  evidence: RowEvidence[];
  /** How `from`/`to` were found when not stated directly (a phone binding, a masked card, an order id). */
  via?: LinkUse[];
  /** Tenge equivalent as the statement gave it (minor units), when it did. */
  kztMinor?: number;
  description?: string;
  /** Exchange order number or chain txid, when the rows carry one. */
  reference?: string;
}

/** Which non-money link carried a transfer to its node, so a result can say it. */
export interface LinkUse {
  link: number;
}

export type LinkKind =
  | 'same-account' // two identifiers of one account (a preamble naming card and IBAN)
  | 'phone-binding' // a phone bound to an account's card (preamble, or the two sides of a transfer by phone)
  | 'masked-card' // a masked card resolved to the one full card of the case it fits
  | 'holder' // an account held by a person or company (IIN/BIN)
  | 'exchange-wallet' // an exchange account withdrew to a wallet
  | 'merge'; // the investigator merged two identifiers

/** Evidence, not money: why two identifiers are treated as one place, or belong together. */
export interface LedgerLink {
  id: number;
  kind: LinkKind;
  /** entityKey of each side. */
  a: string;
  b: string;
  evidence: RowEvidence[];
  /** English prose for the CLI and logs ("preamble of 04-halyk.xlsx names card and phone"). */
  detail: string;
}

export interface Ledger {
  nodes: LedgerNode[];
  transfers: LedgerTransfer[];
  links: LedgerLink[];
  /** entityKey → node id, for every identifier in `identifiers` of some node. */
  nodeByKey: Map<string, number>;
  /** File name per SHA-256, for display of evidence. */
  files: Map<string, string>;
  /** Statement rows with no own account anywhere (no column, no preamble): not placed, counted. */
  unplaced?: number;
}
