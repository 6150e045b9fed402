import { describe, expect, it } from 'vitest';
import type { MaskedResolution } from '../identifiers/resolve';
import { applyEntityDecisions, type EntityDecision } from './decisions';

let clock = 0;
const decide = (action: 'merge' | 'split', ...keys: string[]): EntityDecision => ({
  id: `d${++clock}`,
  action,
  keys,
  reason: 'test',
  actor: 'A',
  at: clock,
});

const automatic = new Map<string, MaskedResolution>([
  [
    'card_masked:440043******1234',
    { status: 'ambiguous', candidates: ['4400430011111234', '4400430022221234'] },
  ],
  ['card_masked:440043******5678', { status: 'resolved', card: '4400430012345678' }],
]);

describe('entity decisions', () => {
  it('resolve an ambiguous mask to the card the investigator merged it with', () => {
    const identity = applyEntityDecisions(
      [decide('merge', 'card_masked:440043******1234', 'card:4400430022221234')],
      automatic,
    );
    expect(identity.resolutions.get('card_masked:440043******1234')).toEqual({
      status: 'resolved',
      card: '4400430022221234',
    });
    expect(identity.members.get('card:4400430022221234')).toEqual([
      'card:4400430022221234',
      'card_masked:440043******1234',
    ]);
  });

  it('undo an automatic resolution the investigator split apart', () => {
    const identity = applyEntityDecisions(
      [decide('split', 'card_masked:440043******5678', 'card:4400430012345678')],
      automatic,
    );
    expect(identity.resolutions.get('card_masked:440043******5678')).toEqual({ status: 'unresolved' });
  });

  it('narrow an ambiguous mask when one candidate is split away', () => {
    const identity = applyEntityDecisions(
      [decide('split', 'card_masked:440043******1234', 'card:4400430011111234')],
      automatic,
    );
    expect(identity.resolutions.get('card_masked:440043******1234')).toEqual({
      status: 'resolved',
      card: '4400430022221234',
    });
  });

  it('let the latest decision on a pair win, keeping the chain of groups', () => {
    const identity = applyEntityDecisions(
      [
        decide('merge', 'name:ИВАНОВ И И', 'iin:880101300123'),
        decide('merge', 'iin:880101300123', 'name:IVANOV IVAN'),
        decide('split', 'name:ИВАНОВ И И', 'iin:880101300123'),
      ],
      new Map(),
    );
    expect(identity.groupOf.get('name:IVANOV IVAN')).toBe('iin:880101300123');
    expect(identity.groupOf.get('name:ИВАНОВ И И')).toBeUndefined();
    expect(identity.apart.size).toBe(1);
  });

  it('does not depend on the order decisions are stored in', () => {
    const list = [
      decide('merge', 'a:1', 'a:2'),
      decide('split', 'a:1', 'a:2'),
      decide('merge', 'a:2', 'a:3'),
    ];
    const forward = applyEntityDecisions(list, new Map());
    const backward = applyEntityDecisions([...list].reverse(), new Map());
    expect([...backward.groupOf]).toEqual([...forward.groupOf]);
  });
});
