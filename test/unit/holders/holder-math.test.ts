import { describe, expect, it } from 'vitest';
import { averageWholeTokens, countHoldingBuckets, decadeHistogram, divideToDecimal, giniCoefficient, medianWholeTokens, percentOfSupply, sumOfTop, wholeTokens } from '../../../src/analytics/holders/holder-math.js';

describe('holder math (hand-computed)', () => {
  it('divides exactly, rounding half up', () => {
    expect([divideToDecimal(1n, 8n, 2), divideToDecimal(1n, 3n, 4), divideToDecimal(2n, 3n, 0), divideToDecimal(-1n, 8n, 2), divideToDecimal(0n, 7n, 2)])
      .toEqual(['0.13', '0.3333', '1', '-0.13', '0.00']);
  });

  it('gives percents of the supply, capped at 100, null without a supply', () => {
    expect([percentOfSupply(1n, 3n), percentOfSupply(2n, 3n), percentOfSupply(5n, 4n), percentOfSupply(1n, null), percentOfSupply(1n, 0n), percentOfSupply(1n, 1_000_000n)])
      .toEqual(['33.33', '66.67', '100.00', null, null, '0.00']);
  });

  it('Gini: 0 for one holder and for equal holders, (n-1)/n when one of n has all, hand cases otherwise', () => {
    expect(giniCoefficient([5n])).toBe('0.0000');
    expect(giniCoefficient([3n, 3n, 3n])).toBe('0.0000');
    // n=3, Σx=10, Σi·x=30: (60 - 40) / 30
    expect(giniCoefficient([0n, 0n, 10n])).toBe('0.6667');
    // Σx=10, Σi·x=1+4+9+16=30: (60 - 50) / 40
    expect(giniCoefficient([1n, 2n, 3n, 4n])).toBe('0.2500');
    // Σx=100, Σi·x=1+2+3+388=394: (788 - 500) / 400
    expect(giniCoefficient([1n, 1n, 1n, 97n])).toBe('0.7200');
    expect(giniCoefficient([])).toBeNull();
    expect(giniCoefficient([0n, 0n])).toBeNull();
  });

  it('median and average in whole tokens', () => {
    expect(medianWholeTokens([1n, 2n, 3n, 4n], 0)).toBe('2.500000');
    expect(medianWholeTokens([1_000_000n, 2_000_000n, 10_000_000n], 6)).toBe('2.000000');
    expect(medianWholeTokens([5n], 6)).toBe('0.000005');
    expect(medianWholeTokens([], 6)).toBeNull();
    expect(averageWholeTokens(10_000_000n, 3, 6)).toBe('3.333333');
    expect(averageWholeTokens(0n, 0, 6)).toBeNull();
  });

  it('buckets by whole tokens: dust in none, bounds inclusive below and exclusive above', () => {
    const raw = [999_999n, 1_000_000n, 99_999_999n, 100_000_000n, 999_999_999n, 1_000_000_000n, 10_000_000_000n, 99_999_999_999n, 100_000_000_000n, 793_100_000_000_000n];
    expect(countHoldingBuckets(raw, 6)).toEqual({ holders1To100: 2, holders100To1k: 2, holders1kTo10k: 1, holders10kTo100k: 2, holders100kPlus: 2 });
    expect(decadeHistogram(raw, 6)).toEqual({ '<1': 1, '1': 1, '10': 1, '100': 2, '1000': 1, '10000': 2, '100000': 1, '100000000': 1 });
  });

  it('sums the top N and renders whole tokens', () => {
    expect(sumOfTop([5n, 4n, 3n], 2)).toBe(9n);
    expect(sumOfTop([5n], 10)).toBe(5n);
    expect(wholeTokens(27_870_134_831_168n, 6)).toBe('27870134.831168');
  });
});
