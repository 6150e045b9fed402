import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, parseThresholdOverrides, ThresholdError } from './thresholds';

describe('threshold overrides', () => {
  it('reads NAME=VALUE, and per-currency structuring limits that keep the other currencies', () => {
    expect(
      parseThresholdOverrides([
        'dropMinSenders=5',
        'dropForwardShare=0.7',
        'structuringLimits.kzt=500000,1000000',
      ]),
    ).toEqual({
      dropMinSenders: 5,
      dropForwardShare: 0.7,
      structuringLimits: { ...DEFAULT_THRESHOLDS.structuringLimits, KZT: [500_000, 1_000_000] },
    });
  });

  it('refuses unknown names and values outside their meaning, saying which', () => {
    expect(() => parseThresholdOverrides(['dropMinSender=5'])).toThrow(/unknown threshold "dropMinSender"/);
    expect(() => parseThresholdOverrides(['dropForwardShare=80'])).toThrow(/share/);
    expect(() => parseThresholdOverrides(['dropMinSenders=2.5'])).toThrow(/whole number/);
    expect(() => parseThresholdOverrides(['dropMaxHoldHours=0'])).toThrow(ThresholdError);
    expect(() => parseThresholdOverrides(['structuringLimits.KZT=abc'])).toThrow(/positive amounts/);
    expect(() => parseThresholdOverrides(['dropMinSenders'])).toThrow(/NAME=VALUE/);
  });
});
