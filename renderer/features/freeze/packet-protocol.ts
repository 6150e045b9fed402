import type { AuditEntry } from '../../../shared/audit/chain';
import type { PortableCaseKeys } from '../../../shared/crypto';
import type { FreezeRequest } from '../../../shared/freeze';
import type { BinAddition } from '../../../shared/identifiers/bank-overlay';
import type { BinTable } from '../../../shared/identifiers/banks';
import type { PacketScope, PacketStep } from '../../../shared/packet/build';
import type { SourceFileInfo } from '../../../shared/packet/evidence';
import type { LetterTemplate } from '../../../shared/packet/letters';
import type { CaseFacts, PacketLang } from '../../../shared/packet/types';

/**
 * The packet worker's one job: re-run the traces the register came from, write the documents,
 * sign and zip. Everything it needs from the store, except the ledger, arrives in the message.
 */
export interface PacketJob {
  caseId: string;
  keys: PortableCaseKeys | null;
  bins: BinTable;
  additions: readonly BinAddition[];
  requests: FreezeRequest[];
  facts: CaseFacts;
  scope: PacketScope;
  lang: PacketLang;
  createdAt: number;
  template?: LetterTemplate;
  sources: SourceFileInfo[];
  audit: AuditEntry[];
  secretKey: Uint8Array;
  engine: string;
}

export type PacketWorkerResponse =
  | { type: 'step'; step: 'load' | 'trace' | PacketStep }
  | { type: 'done'; packets: { name: string; zip: Uint8Array; files: string[] }[]; fingerprint: string }
  | { type: 'failed'; message: string };
