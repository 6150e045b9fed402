import { fingerprint } from '../../../shared/packet/manifest';
import type { FreezeRequest } from '../../../shared/freeze';
import { unwrap } from '../../../shared/ipc/result';
import type { PacketScope } from '../../../shared/packet/build';
import type { LetterTemplate } from '../../../shared/packet/letters';
import type { PacketLang } from '../../../shared/packet/types';
import { bankTables } from '../../app/bank-directory';
import { caseSettings, caseStore, cases, installation, sources } from '../../db';
import { appendAudit, auditEntriesOf } from '../../db/audit';
import { caseKeysOf } from '../../db/case-keys';
import { host } from '../../host';
import { caseLocks } from '../lock/case-locks';
import type { PacketJob, PacketWorkerResponse } from './packet-protocol';

export const templateSetting = (lang: PacketLang) => `letter-template:${lang}`;

/** Who signs the letters, kept with the case (`letter-signer`); the case gives the name. */
export const SIGNER_SETTING = 'letter-signer';
export interface Signer {
  position: string;
  /** In the genitive, as the letter's first sentence needs it: "СУ ДП г. Алматы". */
  organisation: string;
  city: string;
}

/**
 * Builds the seizure packet(s) in a worker and saves each through the host. The export is
 * recorded in the audit log first, so the packet's audit excerpt carries the entry that made it.
 */
export async function exportPackets(
  caseId: string,
  requests: FreezeRequest[],
  options: { scope: PacketScope; lang: PacketLang; actor: string; signer: Signer },
  onStep: (step: string) => void,
): Promise<{ files: string[]; fingerprint: string } | null> {
  const kase = await cases.getCase(caseId);
  if (!kase || kase.locked) throw new Error('the case is locked');
  const key = await installation.signingKey();
  const signer = {
    position: options.signer.position.trim(),
    organisation: options.signer.organisation.trim(),
    city: options.signer.city.trim(),
  };
  const stored = await caseSettings.get<Signer>(caseId, SIGNER_SETTING);
  if (JSON.stringify(stored ?? null) !== JSON.stringify(signer))
    await caseSettings.put(caseId, SIGNER_SETTING, signer, options.actor);
  const at = Date.now();
  await caseStore.transaction('rw', caseStore.auditEntries, caseStore.cases, async () =>
    appendAudit(
      caseStore,
      {
        caseId,
        actor: options.actor,
        action: 'packet.exported',
        details: {
          scope: options.scope,
          lang: options.lang,
          signer: fingerprint(key.publicKey),
          requests: requests.map((r) => ({ request: r.id, asset: r.key, status: r.status })),
        },
        at,
      },
      await caseKeysOf(caseStore, caseId),
    ),
  );
  const job: PacketJob = {
    caseId,
    keys: caseLocks.keysForWorker(caseId),
    bins: bankTables.table(),
    additions: bankTables.additions(),
    requests,
    facts: {
      title: kase.title,
      registryNumber: kase.registryNumber,
      investigator: kase.investigator,
      ...(signer.position ? { position: signer.position } : {}),
      ...(signer.organisation ? { organisation: signer.organisation } : {}),
      ...(signer.city ? { city: signer.city } : {}),
    },
    scope: options.scope,
    lang: options.lang,
    createdAt: at,
    sources: (await sources.listSources(caseId)).map((s) => ({
      name: s.name,
      size: s.size,
      sha256: s.sha256,
      importedAt: s.importedAt,
    })),
    audit: await auditEntriesOf(caseStore, caseId),
    secretKey: key.secretKey,
    engine: `MoneyTrail ${__APP_VERSION__}`,
  };
  const template = await caseSettings.get<LetterTemplate>(caseId, templateSetting(options.lang));
  if (template) job.template = template;

  const built = await runWorker(job, onStep);
  onStep('save');
  const saved: string[] = [];
  for (const packet of built.packets) {
    const result = unwrap(
      await host.saveFile({ suggestedName: packet.name, kind: 'packet', bytes: packet.zip }),
    );
    if (!result.saved) break;
    saved.push(result.name ?? packet.name);
  }
  return saved.length > 0 ? { files: saved, fingerprint: built.fingerprint } : null;
}

function runWorker(
  job: PacketJob,
  onStep: (step: string) => void,
): Promise<Extract<PacketWorkerResponse, { type: 'done' }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./packet.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PacketWorkerResponse>) => {
      const m = event.data;
      if (m.type === 'step') onStep(m.step);
      else {
        worker.terminate();
        if (m.type === 'done') resolve(m);
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the packet worker stopped'));
    };
    worker.postMessage(job);
  });
}
