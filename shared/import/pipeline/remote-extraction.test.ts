import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../identifiers';
import { importStatement } from './import-statement';
import {
  batchExtractor,
  findingStrings,
  packFindings,
  type ExtractionService,
  type PackedFindings,
} from './remote-extraction';

/** Unpacks as MentionCollector.finish reads: counts per text, refs into the batch's strings. */
function unpack(findings: PackedFindings): { mentions: string[][]; rejected: string[][] }[] {
  const strings = findingStrings(findings);
  const out: { mentions: string[][]; rejected: string[][] }[] = [];
  let r = 0;
  const next = (): string => strings[findings.refs[r++] as number] as string;
  for (let t = 0; t < findings.counts.length / 2; t++) {
    const mentions: string[][] = [];
    const rejected: string[][] = [];
    for (let k = 0; k < (findings.counts[2 * t] as number); k++) mentions.push([next(), next()]);
    for (let k = 0; k < (findings.counts[2 * t + 1] as number); k++)
      rejected.push([next(), next(), next(), next()]);
    out.push({ mentions, rejected });
  }
  expect(r).toBe(findings.refs.length);
  return out;
}

describe('packFindings', () => {
  const texts = [
    'Перевод на карту 4111 1111 1111 1111, тел. +7 701 123 45 67',
    'Перевод на карту 4111 1111 1111 1111, тел. +7 701 123 45 67',
    'ничего',
    'ИИН 880101300017; ИИН 880101300018; KZ40601KZT0000000001',
    'TRC20 TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9 и 0x3D3907C765f78DF7Ec596B17a08A778504902c02',
  ];
  const extractions = texts.map((t) => extractIdentifiers(t));

  it('gives back every finding of every text, in order', () => {
    const unpacked = unpack(packFindings(extractions));
    expect(unpacked).toEqual(
      extractions.map((e) => ({
        mentions: e.mentions.map((m) => [m.kind, m.value]),
        rejected: e.rejected.map((x) => [x.kind, x.raw, x.reason, x.message]),
      })),
    );
    expect(unpacked.some((u) => u.rejected.length > 0)).toBe(true);
    expect(unpacked.filter((u) => u.mentions.length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('sends each distinct string of a batch once', () => {
    const { strings, refs } = packFindings(extractions);
    expect(new Set(strings).size).toBe(strings.length);
    expect(refs.length).toBeGreaterThan(strings.length);
    expect(strings.filter((s) => s === 'card')).toHaveLength(1);
    expect(strings.filter((s) => s === 'IIN/BIN check digit does not match')).toHaveLength(1);
  });

  it('packs a batch without findings', () => {
    const packed = packFindings([extractIdentifiers('ничего'), extractIdentifiers('')]);
    expect([...packed.counts]).toEqual([0, 0, 0, 0]);
    expect(packed.refs.length).toBe(0);
    expect(packed.strings).toEqual([]);
  });
});

describe('findings extracted elsewhere', () => {
  /** In-process stand-in for a worker: keeps the batches, extracts them when collected. */
  class LaterExtraction implements ExtractionService {
    readonly batches: string[][] = [];
    submit(texts: string[]): void {
      this.batches.push(texts);
    }
    collect(): PackedFindings[] {
      const extract = batchExtractor((text) => extractIdentifiers(text));
      return this.batches.map((texts) => extract(texts));
    }
  }

  it('are put in place as extracting in place puts them, saying how far it got', () => {
    const rows = 70_000;
    const lines = ['Дата операции;Сумма;Назначение платежа'];
    for (let i = 0; i < rows; i++)
      lines.push(
        `01.03.2025;-${1000 + i},00;Перевод ${i % 7 === 0 ? 'тел. +7 701 123 45 67' : `по заказу ${i}`}`,
      );
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const progress: [number, number][] = [];
    const later = importStatement(bytes, 'statement.csv', {
      importedAt: 1,
      extraction: new LaterExtraction(),
      onPlaceProgress: (done, total) => progress.push([done, total]),
    });
    expect(later).toEqual(importStatement(bytes, 'statement.csv', { importedAt: 1 }));
    expect(later.mentions.length).toBe(rows / 7);
    expect(progress).toEqual([
      [0, rows],
      [65_536, rows],
      [rows, rows],
    ]);
  });
});
