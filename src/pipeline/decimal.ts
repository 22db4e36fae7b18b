/**
 * Exact decimal arithmetic on raw integer amounts. Amounts stay `bigint`; what leaves for the
 * database or the cache is a decimal string computed with integer division, never a float.
 */

/** `raw / 10^decimals` as a decimal string without trailing zeros, e.g. (1500000n, 6) → "1.5". */
export function scaleAmount(raw: bigint, decimals: number): string {
  return trimZeros(formatFixed(raw, decimals));
}

/**
 * `numerator / denominator` to `scale` significant decimal places after the point, truncated toward
 * zero; null when the denominator is zero. Used for prices: (quote raw × 10^tokenDecimals) /
 * (token raw × 10^quoteDecimals) = whole quote per whole token.
 */
export function divideToDecimal(numerator: bigint, denominator: bigint, scale: number): string | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scaled = (n * pow10(scale)) / d;
  const text = trimZeros(formatFixed(scaled, scale));
  return negative && text !== '0' ? `-${text}` : text;
}

/** Whole quote units per whole token for a trade, with `PRICE_SCALE` decimals (exact, truncated). */
export function priceQuotePerToken(quoteRaw: bigint, tokenRaw: bigint, quoteDecimals: number, tokenDecimals: number): string | null {
  if (tokenRaw === 0n || quoteRaw === 0n) return null;
  return divideToDecimal(quoteRaw * pow10(tokenDecimals), tokenRaw * pow10(quoteDecimals), PRICE_SCALE);
}

/** Raw quote units per raw token unit (lamports per base unit for SOL pairs). */
export function priceRawPerRaw(quoteRaw: bigint, tokenRaw: bigint): string | null {
  if (tokenRaw === 0n || quoteRaw === 0n) return null;
  return divideToDecimal(quoteRaw, tokenRaw, PRICE_SCALE);
}

/** Decimal places kept in prices: a fresh Pump.fun token costs ~2.8e-8 SOL, so 24 keeps 16+ digits. */
export const PRICE_SCALE = 24;

function formatFixed(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function trimZeros(text: string): string {
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48 /* 0 */) end -= 1;
  if (text.charCodeAt(end - 1) === 46 /* . */) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

// Powers of ten by exponent (token decimals, price scale): computed once, not on every trade.
const POW10: bigint[] = Array.from({ length: 64 }, (_, i) => 10n ** BigInt(i));

function pow10(exponent: number): bigint {
  return POW10[exponent] ?? 10n ** BigInt(exponent);
}
