import { describe, expect, it } from 'vitest';
import { partyPool, preamble, statementRow } from '../../../bench/statement';
import { rng } from '../../../shared/demo/ids';
import { csvText } from '../../../shared/demo/render-kit';
import { extractIdentifiers } from '../../../shared/identifiers';
import { importStatement, importStatementAsync } from '../../../shared/import';
import { batchExtractor } from '../../../shared/import/pipeline/remote-extraction';
import type { Cell } from '../../../shared/import/table';
import type { ExtractAnswer, ExtractRequest } from './extraction-protocol';
import { WorkerExtraction } from './worker-extraction';

/** Stands in for the extraction worker: answers each request a task later, or as told. */
class FakeWorker {
  onmessage: ((event: MessageEvent<ExtractAnswer>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  answered = 0;
  private readonly extract = batchExtractor((text) => extractIdentifiers(text));
  constructor(private readonly behaviour: 'answer' | 'silent' | 'fail-second' = 'answer') {}
  postMessage({ id, texts }: ExtractRequest): void {
    setTimeout(() => {
      if (this.behaviour === 'silent') return;
      if (this.behaviour === 'fail-second' && id === 1) {
        this.onerror?.({} as ErrorEvent);
        return;
      }
      const { counts, strings } = this.extract(texts);
      this.answered++;
      this.onmessage?.({ data: { id, counts, strings } } as MessageEvent<ExtractAnswer>);
    }, 0);
  }
  terminate(): void {}
}

function statement(rows: number): Uint8Array {
  const random = rng(78);
  const pool = partyPool(random, 300);
  const lines: Cell[][] = [...preamble(rows)];
  for (let i = 0; i < rows; i++) lines.push(statementRow(random, pool, i, false));
  return new TextEncoder().encode(csvText(lines, ';'));
}

describe('WorkerExtraction (the app import worker’s second worker)', () => {
  const bytes = statement(9_000);
  const alone = importStatement(bytes, 'halyk.csv', { importedAt: 1 });

  it('gives the same import as extracting in place, the worker answering', async () => {
    const worker = new FakeWorker();
    const extraction = new WorkerExtraction(() => worker as unknown as Worker);
    const result = await importStatementAsync(bytes, 'halyk.csv', { importedAt: 1 }, extraction);
    expect(result).toEqual(alone);
    expect(worker.answered).toBeGreaterThan(0);
    expect(extraction.extractedThere + extraction.extractedHere).toBe(3);
  });

  it('extracts here whatever a silent, failing or missing worker does not deliver', async () => {
    for (const start of [
      () => new FakeWorker('silent') as unknown as Worker,
      () => new FakeWorker('fail-second') as unknown as Worker,
      (): Worker => {
        throw new Error('workers are not allowed here');
      },
    ]) {
      const extraction = new WorkerExtraction(start);
      expect(await importStatementAsync(bytes, 'halyk.csv', { importedAt: 1 }, extraction)).toEqual(alone);
    }
  });
});
