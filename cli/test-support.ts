/** Test helpers: run the CLI in-process with captured output, a fixed clock and a temp directory. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { nodeIo, type CliIo } from './io';

export const NOW = Date.UTC(2025, 10, 25, 9, 0);

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(argv: string[], overrides: Partial<CliIo> = {}): Promise<Run> {
  let out = '';
  let err = '';
  let ids = 0;
  const io = nodeIo({
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    now: () => NOW,
    actor: () => 'следователь',
    newId: () => `case-${++ids}`,
    env: () => undefined,
    ...overrides,
  });
  const code = await main(argv, io);
  return { code, out, err };
}

export function tempDir(): {
  dir: string;
  file: (name: string, content?: string | Uint8Array) => string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'moneytrail-cli-'));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A small Kaspi-like CSV: a full card, a mask of it, a phone, one unreadable date row. */
export const STATEMENT_A = [
  'Дата;Сумма;Валюта;Описание',
  '25.11.2025 12:00;5000,50;KZT;Перевод с карты 4111 1111 1111 1111',
  '26.11.2025;-1000;KZT;Оплата 411111******1111 тел +7 701 123 45 67',
  'xx;abc;KZT;bad',
  '',
].join('\n');

export const STATEMENT_B = [
  'Дата;Сумма;Валюта;Описание',
  '27.11.2025;250;USD;Поступление от 411111******1111',
  '',
].join('\n');
