import manifest from '../../../resources/demo/manifest.json';
import { cases } from '../../db';
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
 * real import, so a newcomer sees exactly what their own files will look like.
 */
export async function openDemoCase(
  investigator: string,
  onProgress: (progress: DemoProgress) => void,
): Promise<string> {
  const created = await cases.createCase({
    title: `${manifest.case} — демо`,
    registryNumber: '',
    investigator,
  });
  const files = manifest.importOrder;
  for (const [i, file] of files.entries()) {
    onProgress({ file: file.name, index: i + 1, count: files.length });
    const response = await fetch(urlOf(file.name));
    if (!response.ok) throw new Error(`demo file ${file.name} could not be read (${response.status})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    await runImportWorker(
      {
        type: 'import',
        bytes,
        fileName: file.name,
        importedAt: Date.now(),
        caseId: created.id,
        actor: investigator,
      },
      'imported',
    );
  }
  return created.id;
}
