import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCaseFile, writeCaseFile } from '../shared/casefile';
import { sampleCaseData } from '../shared/casefile/test-fixtures';
import { writeCaseFileNative } from './case-zip';

describe('writeCaseFileNative', () => {
  it('writes the same tables as the portable writer, manifest first', async () => {
    const data = sampleCaseData();
    // Extra properties ride in a block's `extra` column: they must survive this writer too.
    (data.sources[0]?.transactions[0] as unknown as Record<string, unknown>).seenBy = 'a newer version';
    const options = { createdAt: Date.UTC(2026, 10, 26), sha256: undefined };
    const native = await writeCaseFileNative(data, options);
    const portable = writeCaseFile(data, options);

    expect(readCaseFile(native)).toEqual(readCaseFile(portable));
    expect(readCaseFile(native)).toEqual(data);
    const names = Object.keys(unzipSync(native));
    expect(names[0]).toBe('manifest.json');
    expect(names).toEqual(Object.keys(unzipSync(portable)));
    const inflated = unzipSync(native);
    const reference = unzipSync(portable);
    for (const name of names) expect(inflated[name], name).toEqual(reference[name]);
  });

  it('refuses data the reader could not read back, as the portable writer does', async () => {
    const data = sampleCaseData();
    data.sources.push(data.sources[0] as (typeof data.sources)[number]);
    await expect(writeCaseFileNative(data)).rejects.toThrow(/appears twice/);
  });
});
