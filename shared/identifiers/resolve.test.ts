import { describe, expect, it } from 'vitest';
import { entityKey, holdersCompatible, resolveEntities, type ResolveMention } from './resolve';

type Ref = { row: number };
const m = (
  kind: ResolveMention<Ref>['kind'],
  value: string,
  row: number,
  extra: Partial<ResolveMention<Ref>> = {},
) => ({
  kind,
  value,
  ref: { row },
  ...extra,
});

describe('resolveEntities', () => {
  it('groups mentions by normalized value, keeping refs in input order', () => {
    const r = resolveEntities([
      m('phone', '+77011234567', 1),
      m('phone', '+77011234567', 2),
      m('iin', '880101300123', 3),
    ]);
    expect(r.entities.map((e) => [e.kind, e.value, e.refs])).toEqual([
      ['phone', '+77011234567', [{ row: 1 }, { row: 2 }]],
      ['iin', '880101300123', [{ row: 3 }]],
    ]);
    expect(r.find('phone', '+77011234567')?.refs).toHaveLength(2);
    expect(entityKey('phone', '+77011234567')).toBe('phone:+77011234567');
  });

  it('resolves a mask to the single full card that fits it', () => {
    const r = resolveEntities([
      m('card', '4400430012345671', 1),
      m('card', '4400439876543214', 2),
      m('card_masked', '440043******5671', 3),
    ]);
    expect(r.find('card_masked', '440043******5671')?.resolution).toEqual({
      status: 'resolved',
      card: '4400430012345671',
    });
    expect(r.find('card', '4400430012345671')?.maskedAliases).toEqual(['440043******5671']);
    expect(r.find('card', '4400439876543214')?.maskedAliases).toEqual([]);
  });

  it('reports ambiguity with sorted candidates instead of picking one', () => {
    const r = resolveEntities([
      m('card', '4400439999995671', 1),
      m('card', '2200701234565671', 2),
      m('card', '4400430012345671', 3),
      m('card_masked', '…5671', 4),
    ]);
    expect(r.find('card_masked', '…5671')?.resolution).toEqual({
      status: 'ambiguous',
      candidates: ['2200701234565671', '4400430012345671', '4400439999995671'],
    });
  });

  it('leaves a mask unresolved when nothing fits (never completes it)', () => {
    const r = resolveEntities([m('card', '4111111111111111', 1), m('card_masked', '440043******5671', 2)]);
    expect(r.find('card_masked', '440043******5671')?.resolution).toEqual({ status: 'unresolved' });
  });

  it('uses bank and holder metadata to rule candidates out, not in', () => {
    const base = [
      m('card', '4400430012345671', 1, { bank: 'kaspi', holder: 'IVANOV IVAN' }),
      m('card', '4400439999995671', 2, { bank: 'halyk', holder: 'PETROV PETR' }),
    ];
    const byBank = resolveEntities([...base, m('card_masked', '…5671', 3, { bank: 'Kaspi' })]);
    expect(byBank.find('card_masked', '…5671')?.resolution).toEqual({
      status: 'resolved',
      card: '4400430012345671',
    });
    const byHolder = resolveEntities([...base, m('card_masked', '…5671', 3, { holder: 'Petrov P.' })]);
    expect(byHolder.find('card_masked', '…5671')?.resolution).toEqual({
      status: 'resolved',
      card: '4400439999995671',
    });
    const contradicted = resolveEntities([...base, m('card_masked', '…5671', 3, { bank: 'forte' })]);
    expect(contradicted.find('card_masked', '…5671')?.resolution).toEqual({ status: 'unresolved' });
    // A Cyrillic holder cannot be compared with a Latin one: no contradiction, so still ambiguous.
    const otherScript = resolveEntities([...base, m('card_masked', '…5671', 3, { holder: 'Иван И.' })]);
    expect(otherScript.find('card_masked', '…5671')?.resolution?.status).toBe('ambiguous');
  });

  it('compares holder names tolerantly within one script', () => {
    expect(holdersCompatible('Иван И.', 'Иван Иванов')).toBe(true);
    expect(holdersCompatible('IVANOV I', 'IVANOV IVAN')).toBe(true);
    expect(holdersCompatible('Артём', 'АРТЕМ')).toBe(true);
    expect(holdersCompatible('IVANOV IVAN', 'PETROV PETR')).toBe(false);
    expect(holdersCompatible('IVAN', 'Иван')).toBe(true);
  });

  it('gives identical output for shuffled input (deterministic order)', () => {
    const mentions = [
      m('card_masked', '…5671', 1),
      m('tron', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 2),
      m('card', '4400430012345671', 3),
      m('phone', '+77011234567', 4),
      m('card', '2200701234565671', 5),
    ];
    const a = resolveEntities(mentions).entities.map((e) => [e.kind, e.value, e.resolution]);
    const b = resolveEntities([...mentions].reverse()).entities.map((e) => [e.kind, e.value, e.resolution]);
    expect(a).toEqual(b);
    expect(a.map((e) => e[0])).toEqual(['card', 'card', 'card_masked', 'phone', 'tron']);
  });

  it('handles 100k mentions with many masks quickly (smoke, not a timed assertion)', () => {
    const mentions: ResolveMention<number>[] = [];
    for (let i = 0; i < 50_000; i++) {
      const pan = `440043${String(i).padStart(10, '0')}`;
      mentions.push({ kind: 'card', value: pan, ref: i });
      mentions.push({ kind: 'card_masked', value: `440043******${pan.slice(-4)}`, ref: i });
    }
    const r = resolveEntities(mentions);
    const masked = r.entities.filter((e) => e.kind === 'card_masked');
    expect(masked).toHaveLength(10_000);
    expect(masked.every((e) => e.resolution?.status === 'ambiguous')).toBe(true);
  });
});
