/**
 * Holder distribution formulas, exact on raw `bigint` balances (no float touches an amount). Results are
 * decimal strings with the scale of their column: percents with 2 places, Gini with 4, whole-token
 * sizes with 6; rounding is half up. Pure: no I/O, no clock.
 */
import type { HoldingBuckets } from '../../contracts/holders.js';

/** `numerator / denominator` rounded half up to `places` decimals, as a decimal string. */
export function divideToDecimal(numerator: bigint, denominator: bigint, places: number): string {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const scale = 10n ** BigInt(places);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const scaled = (abs * scale * 2n + denominator) / (denominator * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(places, '0');
  const text = places > 0 ? `${whole}.${fraction}` : whole.toString();
  return negative && scaled !== 0n ? `-${text}` : text;
}

/**
 * Percent (0-100, 2 places) of `supply` that `held` represents; capped at 100 (a supply we know only in
 * part must not produce more than all of it). Null when the supply is unknown or zero.
 */
export function percentOfSupply(held: bigint, supply: bigint | null): string | null {
  if (supply === null || supply <= 0n) return null;
  const capped = held > supply ? supply : held;
  return divideToDecimal(capped * 100n, supply, 2);
}

/** Sum of the `count` largest balances; `descending` must be sorted largest first. */
export function sumOfTop(descending: readonly bigint[], count: number): bigint {
  let sum = 0n;
  for (let i = 0; i < count && i < descending.length; i++) sum += descending[i]!;
  return sum;
}

/**
 * Gini coefficient (0 = everyone holds the same, → 1 = one holder has everything) of positive balances,
 * 4 places. With x sorted ascending and i = 1..n:
 *   G = (2 · Σ i·xᵢ) / (n · Σ xᵢ) − (n + 1) / n  =  (2 · Σ i·xᵢ − (n + 1) · Σ xᵢ) / (n · Σ xᵢ)
 * computed exactly in integers. One holder, or all equal, gives 0. Null without holders.
 */
export function giniCoefficient(ascending: readonly bigint[]): string | null {
  const n = BigInt(ascending.length);
  if (n === 0n) return null;
  let total = 0n;
  let weighted = 0n;
  for (let i = 0; i < ascending.length; i++) {
    const x = ascending[i]!;
    total += x;
    weighted += BigInt(i + 1) * x;
  }
  if (total === 0n) return null;
  return divideToDecimal(2n * weighted - (n + 1n) * total, n * total, 4);
}

/** Median of raw balances sorted ascending, in whole tokens (6 places); the mean of the two middle ones when n is even. */
export function medianWholeTokens(ascending: readonly bigint[], decimals: number): string | null {
  const n = ascending.length;
  if (n === 0) return null;
  const middle = Math.floor(n / 2);
  const twice = n % 2 === 1 ? 2n * ascending[middle]! : ascending[middle - 1]! + ascending[middle]!;
  return divideToDecimal(twice, 2n * 10n ** BigInt(decimals), 6);
}

/** Mean of raw balances in whole tokens (6 places). */
export function averageWholeTokens(total: bigint, count: number, decimals: number): string | null {
  if (count === 0) return null;
  return divideToDecimal(total, BigInt(count) * 10n ** BigInt(decimals), 6);
}

/** Bucket bounds in whole tokens: [1,100), [100,1k), [1k,10k), [10k,100k), [100k,∞); below 1 token: no bucket. */
export function countHoldingBuckets(balances: readonly bigint[], decimals: number): HoldingBuckets {
  const unit = 10n ** BigInt(decimals);
  const out: HoldingBuckets = { holders1To100: 0, holders100To1k: 0, holders1kTo10k: 0, holders10kTo100k: 0, holders100kPlus: 0 };
  for (const raw of balances) {
    const whole = raw / unit;
    if (whole < 1n) continue;
    if (whole < 100n) out.holders1To100 += 1;
    else if (whole < 1_000n) out.holders100To1k += 1;
    else if (whole < 10_000n) out.holders1kTo10k += 1;
    else if (whole < 100_000n) out.holders10kTo100k += 1;
    else out.holders100kPlus += 1;
  }
  return out;
}

/** Whole tokens of a raw amount, 6 places (the unit of top_holders.current_balance). */
export function wholeTokens(raw: bigint, decimals: number): string {
  return divideToDecimal(raw, 10n ** BigInt(decimals), 6);
}

/**
 * Histogram of holders by decade of whole tokens held: key "<1", "1", "10", "100", ... (the lower bound
 * of [10^k, 10^(k+1))). Bounded: at most ~20 keys whatever the holder count.
 */
export function decadeHistogram(balances: readonly bigint[], decimals: number): Record<string, number> {
  const unit = 10n ** BigInt(decimals);
  const out: Record<string, number> = {};
  for (const raw of balances) {
    const whole = raw / unit;
    const key = whole < 1n ? '<1' : `1${'0'.repeat(whole.toString().length - 1)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
