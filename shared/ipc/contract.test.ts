import { describe, expect, it } from 'vitest';
import { hostContract } from './contract';
import { forwardHostApi } from './forward';
import { channelOf, hostMethods } from './methods';

describe('host contract', () => {
  it('covers every method name exactly once', () => {
    expect(Object.keys(hostContract).sort()).toEqual([...hostMethods].sort());
  });

  it('accepts a bare file name to save and refuses anything that names a folder', () => {
    const save = hostContract.saveFile.request;
    const bytes = new Uint8Array([1, 2, 3]);
    expect(save.safeParse({ suggestedName: 'packet-Halyk.zip', kind: 'packet', bytes }).success).toBe(true);
    for (const suggestedName of [
      '../../.bashrc',
      '/etc/passwd',
      'C:\\Windows\\x.dll',
      '.hidden',
      'a\u0000b.zip',
      'CON.txt',
      '',
    ]) {
      expect(save.safeParse({ suggestedName, kind: 'packet', bytes }).success, suggestedName).toBe(false);
    }
  });

  it('refuses unknown fields, so a renderer cannot smuggle a path next to valid arguments', () => {
    const open = hostContract.openFiles.request;
    expect(open.safeParse({ purpose: 'statement', multiple: true }).success).toBe(true);
    expect(open.safeParse({ purpose: 'statement', multiple: true, path: '/etc/shadow' }).success).toBe(false);
    expect(open.safeParse({ purpose: 'anything', multiple: true }).success).toBe(false);
    expect(open.safeParse('statement').success).toBe(false);
  });

  it('keeps secret ids to a safe alphabet', () => {
    const load = hostContract.loadSecret.request;
    expect(load.safeParse({ id: 'case-3f2a' }).success).toBe(true);
    expect(load.safeParse({ id: '../keys' }).success).toBe(false);
    expect(load.safeParse({ id: 'A'.repeat(65) }).success).toBe(false);
  });

  it('refuses bytes that are not a Uint8Array', () => {
    const save = hostContract.saveFile.request;
    expect(save.safeParse({ suggestedName: 'a.zip', kind: 'packet', bytes: 'AAAA' }).success).toBe(false);
    expect(save.safeParse({ suggestedName: 'a.zip', kind: 'packet', bytes: [1, 2] }).success).toBe(false);
  });
});

describe('forwardHostApi', () => {
  it('exposes exactly the contract methods, each on its derived channel', async () => {
    const calls: [string, unknown][] = [];
    const api = forwardHostApi(async (channel, request) => {
      calls.push([channel, request]);
      return { ok: true, value: null };
    });
    expect(Object.keys(api).sort()).toEqual([...hostMethods].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api.openFiles({ purpose: 'statement', multiple: false });
    await api.getAppInfo();
    expect(calls).toEqual([
      [channelOf('openFiles'), { purpose: 'statement', multiple: false }],
      [channelOf('getAppInfo'), undefined],
    ]);
  });
});
