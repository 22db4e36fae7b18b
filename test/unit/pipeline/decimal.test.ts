/** Exact decimals from raw integer amounts: scaling, division truncated toward zero, prices, trailing zeros. */
import { describe, expect, it } from 'vitest';
import { divideToDecimal, priceQuotePerToken, priceRawPerRaw, scaleAmount } from '../../../src/pipeline/decimal.js';

/** Reference: long division digit by digit on decimal strings, trailing zeros trimmed. */
function reference(numerator: bigint, denominator: bigint, scale: number): string {
  const negative = (numerator < 0n) !== (denominator < 0n) && numerator !== 0n;
  let n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let text = (n / d).toString();
  n %= d;
  let fraction = '';
  for (let i = 0; i < scale; i++) {
    n *= 10n;
    fraction += (n / d).toString();
    n %= d;
  }
  fraction = fraction.replace(/0+$/, '');
  if (fraction) text += `.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}

describe('decimal', () => {
  it('scales raw amounts without trailing zeros, keeping the zeros of whole numbers', () => {
    expect(scaleAmount(1_500_000n, 6)).toBe('1.5');
    expect(scaleAmount(1_000_000n, 6)).toBe('1');
    expect(scaleAmount(100n, 0)).toBe('100');
    expect(scaleAmount(1_000_000_000n, 9)).toBe('1');
    expect(scaleAmount(10_000_000_000n, 9)).toBe('10');
    expect(scaleAmount(0n, 6)).toBe('0');
    expect(scaleAmount(7n, 9)).toBe('0.000000007');
    expect(scaleAmount(18_446_744_073_709_551_615n, 9)).toBe('18446744073.709551615');
    expect(scaleAmount(-2_500n, 3)).toBe('-2.5');
  });

  it('divides to a fixed scale, truncated toward zero, null for a zero denominator', () => {
    expect(divideToDecimal(1n, 3n, 5)).toBe('0.33333');
    expect(divideToDecimal(-1n, 3n, 5)).toBe('-0.33333');
    expect(divideToDecimal(2n, 3n, 2)).toBe('0.66');
    expect(divideToDecimal(10n, 2n, 24)).toBe('5');
    expect(divideToDecimal(100n, 1n, 3)).toBe('100');
    expect(divideToDecimal(1n, 10n ** 30n, 24)).toBe('0');
    expect(divideToDecimal(5n, 0n, 4)).toBeNull();
  });

  it('agrees with long division on random u64 amounts and every scale used', () => {
    let state = 12345n;
    const next = (): bigint => (state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffff_ffff_ffff_ffffn);
    for (let i = 0; i < 2_000; i++) {
      const numerator = next() >> BigInt(i % 60);
      const denominator = (next() >> BigInt((i * 7) % 63)) + 1n;
      const scale = [0, 2, 6, 9, 24][i % 5]!;
      expect(divideToDecimal(numerator, denominator, scale)).toBe(reference(numerator, denominator, scale));
    }
  });

  it('prices a Pump.fun trade in SOL per whole token and lamports per base unit', () => {
    // 0.5 SOL for 17,241,379.310344 tokens (6 decimals).
    const price = priceQuotePerToken(500_000_000n, 17_241_379_310_344n, 9, 6);
    expect(price).toBe(reference(500_000_000n * 10n ** 6n, 17_241_379_310_344n * 10n ** 9n, 24));
    expect(price!.startsWith('0.0000000290000000000')).toBe(true);
    expect(priceRawPerRaw(500_000_000n, 17_241_379_310_344n)).toBe(reference(500_000_000n, 17_241_379_310_344n, 24));
    expect(priceQuotePerToken(0n, 5n, 9, 6)).toBeNull();
    expect(priceQuotePerToken(5n, 0n, 9, 6)).toBeNull();
  });
});
