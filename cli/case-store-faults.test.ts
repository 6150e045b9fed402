import type * as nodeFs from 'node:fs';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain } from '../shared/audit/chain';
import { readCaseFile } from '../shared/casefile';
import { saveCaseAtomically, writeFileAtomically } from './case-store';
import { run, STATEMENT_A, STATEMENT_B, tempDir } from './test-support';

// A full disk under the CLI: writeSync stops taking bytes after `room` of them, as a disk that
// fills mid-write does (a short write, then ENOSPC). The case file on disk must stay byte for
// byte what it was, and no temporary file may be left beside it.

const disk = vi.hoisted(() => ({ room: Infinity, faults: 0, fsyncFails: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof nodeFs>();
  // Only the (fd, bytes, offset, length) form: the one writeFileAtomically uses.
  const writeSync = ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
    if (disk.room <= 0) {
      disk.faults += 1;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
      });
    }
    const written = fs.writeSync(fd, buffer, offset, Math.min(length, disk.room));
    disk.room -= written;
    return written;
  }) as typeof fs.writeSync;
  // Some file systems only report a full disk when the data is flushed.
  const fsyncSync = ((fd: number) => {
    if (disk.fsyncFails) {
      disk.faults += 1;
      throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), {
        code: 'ENOSPC',
        errno: -28,
      });
    }
    fs.fsyncSync(fd);
  }) as typeof fs.fsyncSync;
  return { ...fs, default: { ...fs, writeSync, fsyncSync }, writeSync, fsyncSync };
});

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
  disk.room = Infinity;
  disk.faults = 0;
  disk.fsyncFails = false;
});
afterEach(() => {
  disk.room = Infinity;
  tmp.cleanup();
});

describe('case files on a full disk', () => {
  it('leaves the old case byte-identical and no temp file, wherever the disk fills', async () => {
    const casePath = tmp.file('Дело.mtcase');
    expect((await run(['import', casePath, tmp.file('kaspi.csv', STATEMENT_A)])).code).toBe(0);
    const original = readFileSync(casePath);
    const data = readCaseFile(original);
    const next = { ...data, case: { ...data.case, title: 'Дело (изменено)' } };
    const size = original.length;
    const points = [0, 1, 512, Math.floor(size / 2), size - 1];
    for (const room of points) {
      disk.room = room;
      await expect(saveCaseAtomically(casePath, next, 1), `disk full after ${room} bytes`).rejects.toThrow(
        /ENOSPC/,
      );
      disk.room = Infinity;
      expect(readFileSync(casePath).equals(original), `disk full after ${room} bytes`).toBe(true);
      expect(readdirSync(tmp.dir).sort()).toEqual(['kaspi.csv', 'Дело.mtcase'].sort());
    }
    disk.fsyncFails = true;
    await expect(saveCaseAtomically(casePath, next, 1), 'disk full on flush').rejects.toThrow(/ENOSPC/);
    disk.fsyncFails = false;
    expect(readFileSync(casePath).equals(original)).toBe(true);
    expect(readdirSync(tmp.dir).sort()).toEqual(['kaspi.csv', 'Дело.mtcase'].sort());
    expect(disk.faults).toBe(points.length + 1);
    // With room again, the same save goes through.
    await saveCaseAtomically(casePath, next, 1);
    expect(readCaseFile(readFileSync(casePath)).case.title).toBe('Дело (изменено)');
  });

  it('does not create a case file when the first write of a new one fails', () => {
    const path = tmp.file('new.mtcase');
    disk.room = 100;
    expect(() => writeFileAtomically(path, new Uint8Array(1000))).toThrow(/ENOSPC/);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('`moneytrail import` on a full disk exits 1, says so, and leaves the case as it was', async () => {
    const casePath = tmp.file('case.mtcase');
    expect((await run(['import', casePath, tmp.file('kaspi.csv', STATEMENT_A)])).code).toBe(0);
    const original = readFileSync(casePath);
    disk.room = 200;
    const r = await run(['import', casePath, tmp.file('halyk.csv', STATEMENT_B)]);
    disk.room = Infinity;
    expect(r.code).toBe(1);
    expect(r.err).toContain(`moneytrail: cannot write ${casePath}: ENOSPC: no space left on device`);
    expect(r.err).toContain('the case file was not changed');
    expect(readFileSync(casePath).equals(original)).toBe(true);
    expect(readdirSync(tmp.dir).sort()).toEqual(['case.mtcase', 'halyk.csv', 'kaspi.csv']);
    const data = readCaseFile(readFileSync(casePath));
    expect(data.sources).toHaveLength(1);
    expect(verifyAuditChain(data.case.id, data.audit).ok).toBe(true);
  });

  it('`moneytrail import` creating a case on a full disk leaves nothing behind', async () => {
    const casePath = `${tmp.dir}/new.mtcase`;
    disk.room = 0;
    const r = await run(['import', casePath, tmp.file('kaspi.csv', STATEMENT_A)]);
    disk.room = Infinity;
    expect(r.code).toBe(1);
    expect(r.err).toContain('no case file was created');
    expect(readdirSync(tmp.dir)).toEqual(['kaspi.csv']);
  });
});
