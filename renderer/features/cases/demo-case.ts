import manifest from '../../../resources/demo/manifest.json';
import { preferences } from '../../app/preferences';
import { cases } from '../../db';
import { caseLocks } from '../lock/case-locks';
import { DEMO_PASSPHRASE } from '../lock/demo-passphrase';
import { holdUnlocked, newCaseLock } from '../lock/unlock-actions';
import { runImportWorker } from '../sources/worker-client';

/** The demo files are bundled as the app's own assets: fetched from its origin, never the network. */
const demoUrls = import.meta.glob('../../../resources/demo/*.{xlsx,csv}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface DemoProgress {
  file: string;
  index: number;
  count: number;
}

function urlOf(name: string): string {
  const entry = Object.entries(demoUrls).find(([path]) => path.endsWith(`/${name}`));
  if (!entry) throw new Error(`demo file ${name} is missing from this build`);
  return entry[1];
}

/**
 * Creates the demo case and imports its statements through the same worker and store path as a
 * real import, so a newcomer sees exactly what their own files will look like. It is encrypted
 * like every new case, under DEMO_PASSPHRASE, which the demo dialog and its unlock screen state.
 */
export async function openDemoCase(
  investigator: string,
  onProgress: (progress: DemoProgress) => void,
): Promise<string> {
  const lock = await newCaseLock(DEMO_PASSPHRASE);
  const created = await cases.createCase(
    { title: `${manifest.case} — демо`, registryNumber: '', investigator },
    lock,
  );
  preferences.setDemoCaseId(created.id);
  await holdUnlocked(created.id, lock.keys, false);
  const files = manifest.importOrder;
  for (const [i, file] of files.entries()) {
    onProgress({ file: file.name, index: i + 1, count: files.length });
    const response = await fetch(urlOf(file.name));
    if (!response.ok) throw new Error(`demo file ${file.name} could not be read (${response.status})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    await caseLocks.whileBusy(created.id, () =>
      runImportWorker(
        {
          type: 'import',
          bytes,
          fileName: file.name,
          importedAt: Date.now(),
          caseId: created.id,
          actor: investigator,
          keys: caseLocks.keysForWorker(created.id),
        },
        'imported',
      ),
    );
  }
  return created.id;
}
