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
  /** Holder's IIN/BIN when known. */
  holderId?: string;
  /** The case's place key (`card:4400…`), to find the asset in the ledger exactly as traced. */
  key?: string;
  /** Who the institution is: a Kazakh bank, a crypto exchange, a stablecoin issuer — letters address each differently. */
  institutionKind?: 'bank' | 'exchange' | 'issuer' | 'none';
  /** Why a manual figure replaced the traced amount; empty when the amount is the traced one. */
  amountReason?: string;
}

export interface CaseFacts {
  title: string;
  /** ЕРДР / КУИ number the requests cite. */
  registryNumber: string;
  investigator: string;
  /** Investigator's position and organisation as signed under a letter; may be empty. */
  position?: string;
  organisation?: string;
  city?: string;
}

/** Language of the letters and the report (the registry always shows both caption rows). */
export type PacketLang = 'ru' | 'kk';

/** TrueType bytes embedded (subset) in every PDF: must cover Cyrillic, Kazakh letters and ₸. */
export interface PacketFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}
