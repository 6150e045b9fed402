/** Inputs of a seizure packet: the freeze register and the case facts it rests on. */

export type AssetKind = 'card' | 'account' | 'wallet' | 'exchange-account' | 'phone';
export type FreezeStatus = 'proposed' | 'approved' | 'request-sent' | 'frozen' | 'refused' | 'released';

/** A statement row a claim rests on, named so anyone can open the file and find it. */
export interface EvidenceRow {
  file: string;
  sha256: string;
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
}

export interface FreezeEntry {
  id: string;
  kind: AssetKind;
  /** The identifier as written in the request: card, IBAN, wallet address, account. */
  identifier: string;
  holder: string;
  institution: string;
  /** Amount sought, integer minor units of `currency`. */
  amountMinor: number;
  currency: string;
  status: FreezeStatus;
  legalBasis: string;
  evidence: EvidenceRow[];
}

export interface CaseFacts {
  title: string;
  registryNumber: string;
  investigator: string;
}
