import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partyPool, preamble, statementRow } from '../bench/statement';
import { rng } from '../shared/demo/ids';
import { csvText } from '../shared/demo/render-kit';
import { extractIdentifiers } from '../shared/identifiers';
import { batchExtractor, importStatement } from '../shared/import';
import type { Cell } from '../shared/import/table';
import { ExtractionThread } from './extraction-thread';

/** A Halyk statement whose purposes carry planted identifiers and look-alikes (as the bench's). */
function statement(rows: number): Uint8Array {
  const random = rng(77);
  const pool = partyPool(random, 300);
  const lines: Cell[][] = [...preamble(rows)];
  for (let i = 0; i < rows; i++) lines.push(statementRow(random, pool, i, false));
  return new TextEncoder().encode(csvText(lines, ';'));
}

const demo = (name: string): Uint8Array => readFileSync(join('resources/demo', name));

describe('ExtractionThread', () => {
  // 10,000 purposes: three batches, the last one partial; cell identifiers and preamble between.
  const bytes = statement(10_000);
  const alone = importStatement(bytes, 'halyk.csv', { importedAt: 1 });

  it('gives the import exactly the mentions and invalid identifiers of extracting in place', () => {
    const thread = new ExtractionThread();
    try {
      const shared = importStatement(bytes, 'halyk.csv', { importedAt: 1, extraction: thread });
      expect(alone.mentions.length).toBeGreaterThan(5000);
      expect(alone.invalid.length).toBeGreaterThan(1000);
      expect(shared).toEqual(alone);
      // Three batches, each extracted once: by the worker, or here while waiting for it.
      expect(thread.extractedThere + thread.extractedHere).toBe(3);
    } finally {
      thread.close();
    }
  }, 60_000);

  it('has the worker extract what it is given when this thread does not need to wait', async () => {
    const texts = (n: number): string[] =>
      Array.from(
        { length: n },
        (_, i) => `Перевод на карту 4400 4302 1234 ${String(5678 + i).padStart(4, '0')}`,
      );
    const batches = [texts(100), texts(50), ['тел. +7 701 123 45 67, ИИН 900101300015']];
    const thread = new ExtractionThread();
    try {
      for (const batch of batches) thread.submit(batch);
      for (let waited = 0; waited < 30_000 && thread.answeredSoFar() < 3; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const local = batchExtractor((text) => extractIdentifiers(text));
      expect(thread.collect()).toEqual(batches.map((b) => local(b)));
      expect(thread.extractedThere).toBe(3);
      expect(thread.extractedHere).toBe(0);
    } finally {
      thread.close();
    }
  }, 60_000);

  it('does the same for every demo statement (workbooks, exchange and chain exports)', () => {
    for (const name of [
      '01-kaspi-nurlanova.xlsx',
      '03-freedom-zhumabaeva.csv',
      '05-binance-p2p-orders.csv',
      '07-tronscan-usdt-trc20-TAo1a7ee3w7GN6mXp2D9BbTPXKkaZ32qEG.csv',
    ]) {
      const thread = new ExtractionThread();
      try {
        const file = demo(name);
        expect(importStatement(file, name, { importedAt: 1, extraction: thread }), name).toEqual(
          importStatement(file, name, { importedAt: 1 }),
        );
      } finally {
        thread.close();
      }
    }
  }, 60_000);

  it('extracts in place what a worker that dies never answers', () => {
    const broken = join(tmpdir(), `moneytrail-broken-worker-${process.pid}.mjs`);
    writeFileSync(broken, 'throw new Error("this worker never starts");\n');
    const thread = new ExtractionThread(new URL(`file://${broken}`), 200);
    try {
      expect(importStatement(bytes, 'halyk.csv', { importedAt: 1, extraction: thread })).toEqual(alone);
      expect(thread.extractedHere).toBe(3);
    } finally {
      thread.close();
    }
  }, 60_000);
});
