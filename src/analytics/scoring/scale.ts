/** Small pure helpers shared by the score formulas. Every result is in [0, 1] unless said otherwise. */

/** `value` clamped to [min, max]; NaN becomes min. */
export function clamp(value: number, min = 0, max = 1): number {
  if (!(value >= min)) return min;
  return value > max ? max : value;
}

/** Linear share of `full`, saturating at 1. */
export function saturate(value: number, full: number): number {
  return full <= 0 ? 1 : clamp(value / full);
}

/** Logarithmic share of `full` (log1p), saturating at 1: the first units count most. */
export function logShare(value: number, full: number): number {
  if (value <= 0) return 0;
  return clamp(Math.log1p(value) / Math.log1p(full));
}

/** `points` × share, rounded to a whole number of points. */
export function points(max: number, share: number): number {
  return Math.round(max * clamp(share));
}
