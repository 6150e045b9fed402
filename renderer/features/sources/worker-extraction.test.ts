import { describe, expect, it } from 'vitest';
import {
  badIin,
  badTron,
  breakIban,
  card,
  ethAddress,
  formatPhone,
  groupCard,
  iin,
  kzIban,
  maskCard,
  notCard,
  phone,
  pick,
  rng,
  tronAddress,
} from '../../../shared/demo/ids';
import { csvText } from '../../../shared/demo/render-kit';
import { extractIdentifiers } from '../../../shared/identifiers';
import { importStatement, importStatementAsync } from '../../../shared/import';
import { batchExtractor } from '../../../shared/import/pipeline/remote-extraction';
import type { Cell } from '../../../shared/import/table';
import type { ExtractRequest, ExtractStart, WorkerAnswer } from './extraction-protocol';
import { WorkerExtraction } from './worker-extraction';

/** Stands in for the extraction worker: takes the port, answers each request a task later. */
class FakeWorker {
  onerror: ((event: ErrorEvent) => void) | null = null;
  answered = 0;
  private port: MessagePort | null = null;
  private readonly extract = batchExtractor((text) => extractIdentifiers(text));
  constructor(private readonly behaviour: 'answer' | 'silent' | 'fail-second' = 'answer') {}
  postMessage({ port }: ExtractStart): void {
    this.port = port;
    port.onmessage = (event: MessageEvent<ExtractRequest>) => this.request(event.data);
    port.postMessage({ ready: true } satisfies WorkerAnswer);
  }
  terminate(): void {
    this.port?.close();
  }
  private request({ id, texts }: ExtractRequest): void {
    if (this.behaviour === 'silent') return;
    if (this.behaviour === 'fail-second' && id === 1) {
      this.onerror?.({} as ErrorEvent);
      return;
    }
    const { counts, refs, strings } = this.extract(texts);
    this.answered++;
    this.port?.postMessage({ id, counts, refs, strings } satisfies WorkerAnswer);
  }
}

/** Every purpose different, each with identifiers and look-alikes the extractor must sort out. */
function statement(rows: number): Uint8Array {
  const random = rng(78);
  const lines: Cell[][] = [['Дата операции', 'Сумма', 'Валюта', 'Назначение платежа']];
  const purposes: (() => string)[] = [
    () => `Перевод на карту ${groupCard(card(random, '440043'))} ИИН ${iin(random)}`,
    () => `Пополнение с ${maskCard(card(random, '400303'))}, тел. ${formatPhone(phone(random))}`,
    () => `Оплата по счёту ${kzIban(random, '722')} от ${badIin(random)}`,
    () => `Возврат на ${breakIban(kzIban(random, '601'))}, карта ${notCard(random, '4400')}`,
    () => `USDT TRC20 ${tronAddress(random)} / ${badTron(random)}`,
    () => `ETH ${ethAddress(random)} заказ ${rows}`,
  ];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push([
      `${day}.03.2025 10:${String(i % 60).padStart(2, '0')}`,
      `-${1000 + i},00`,
      'KZT',
      pick(random, purposes)(),
    ]);
  }
  return new TextEncoder().encode(csvText(lines, ';'));
}

describe('WorkerExtraction (the app import worker’s second worker)', () => {
  const bytes = statement(9_000);
  const alone = importStatement(bytes, 'halyk.csv', { importedAt: 1 });

  it('gives the same import as extracting in place, the worker answering', async () => {
    const worker = new FakeWorker();
    const extraction = new WorkerExtraction(() => worker as unknown as Worker);
    await extraction.ready();
    // The file's hash may still be computing while the rows are read (the worker's WebCrypto digest).
    let hashed = false;
    const sha256 = new Promise<string>((resolve) =>
      setTimeout(() => {
        hashed = true;
        resolve('AB'.repeat(32));
      }, 50),
    );
    const result = await importStatementAsync(bytes, 'halyk.csv', { importedAt: 1, sha256 }, extraction);
    expect(hashed).toBe(true);
    expect(alone.transactions.length).toBe(9_000);
    expect(alone.mentions.length).toBeGreaterThan(6_000);
    expect(alone.invalid.length).toBeGreaterThan(2_000);
    // The given hash is the one kept (the file is not hashed again here).
    expect(result.source.sha256).toBe('ab'.repeat(32));
    expect({ ...result, source: { ...result.source, sha256: alone.source.sha256 } }).toEqual(alone);
    expect(worker.answered).toBeGreaterThan(0);
    expect(extraction.extractedThere + extraction.extractedHere).toBe(3);
    extraction.close();
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
      await extraction.ready(200);
      expect(await importStatementAsync(bytes, 'halyk.csv', { importedAt: 1 }, extraction)).toEqual(alone);
      extraction.close();
    }
  });
});
