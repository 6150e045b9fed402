/// <reference lib="webworker" />
import { ed25519 } from '@noble/curves/ed25519.js';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import ibanCodes from '../../../resources/banks/kz-iban-codes.json';
import { packetEntryOf, packetTraces } from '../../../shared/freeze';
import { applyBinAdditions } from '../../../shared/identifiers/bank-overlay';
import { createBankDirectory, parseIbanCodeTable } from '../../../shared/identifiers/banks';
import { buildPackets } from '../../../shared/packet/build';
import { adoptPortableKeys } from '../../db/case-keys';
import { loadCaseLedger } from '../../db/ledger';
import { openCaseStore } from '../../db/schema';
import type { PacketJob, PacketWorkerResponse } from './packet-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const send = (message: PacketWorkerResponse, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the bundled font ${url} could not be read (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

scope.onmessage = async (event: MessageEvent<PacketJob>) => {
  const job = event.data;
  try {
    send({ type: 'step', step: 'load' });
    const [regular, bold] = await Promise.all([fontBytes(regularUrl), fontBytes(boldUrl)]);
    let traces: ReturnType<typeof packetTraces> = [];
    if (job.requests.some((r) => r.origin)) {
      const db = openCaseStore();
      try {
        await adoptPortableKeys(db, job.caseId, job.keys);
        const ledger = await loadCaseLedger(db, job.caseId);
        send({ type: 'step', step: 'trace' });
        const banks = createBankDirectory(
          applyBinAdditions(job.bins, [...job.additions]),
          parseIbanCodeTable(ibanCodes),
        );
        traces = packetTraces(ledger, job.requests, banks, { facts: job.facts, engine: job.engine });
      } finally {
        db.close();
      }
    }
    const { packets, fingerprint } = await buildPackets(
      {
        caseId: job.caseId,
        facts: job.facts,
        entries: job.requests.map(packetEntryOf),
        lang: job.lang,
        createdAt: new Date(job.createdAt),
        fonts: { regular, bold },
        ...(job.template ? { template: job.template } : {}),
        sources: job.sources,
        audit: job.audit,
        traces,
        key: { secretKey: job.secretKey, publicKey: ed25519.getPublicKey(job.secretKey) },
      },
      job.scope,
      (step) => send({ type: 'step', step }),
    );
    send(
      {
        type: 'done',
        packets: packets.map((p) => ({ name: p.name, zip: p.zip, files: p.files })),
        fingerprint,
      },
      packets.map((p) => p.zip.buffer as ArrayBuffer),
    );
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
