import { describe, expect, it, vi } from 'vitest';
import { caseLocks, watchScreenLock } from './case-locks';

describe('watchScreenLock', () => {
  it('locks every case each time the host says the screen locked, and stops when asked', async () => {
    const lockAll = vi.spyOn(caseLocks, 'lockAll').mockImplementation(() => {});
    const answers: ((value: { ok: boolean }) => void)[] = [];
    const stop = watchScreenLock(() => new Promise((resolve) => answers.push(resolve)));
    await Promise.resolve();
    answers.shift()?.({ ok: true });
    await vi.waitFor(() => expect(lockAll).toHaveBeenCalledWith('screen'));
    await vi.waitFor(() => expect(answers).toHaveLength(1)); // asked again
    stop();
    answers.shift()?.({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lockAll).toHaveBeenCalledTimes(1);
    lockAll.mockRestore();
  });

  it('gives up on a host that cannot tell, instead of asking in a loop', async () => {
    const ask = vi.fn(async () => ({ ok: false }));
    watchScreenLock(ask);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
