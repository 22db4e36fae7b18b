/**
 * Growth of a token's audience (X followers + Telegram members) against earlier social_metrics rows,
 * in percent: (now − then) / then × 100, two decimals, clamped to the column's range. Null without an
 * earlier audience. Pure.
 */

const MAX_PCT = 99_999_999.99;

export function audienceOf(followers: number | null, members: number | null): number | null {
  if (followers === null && members === null) return null;
  return (followers ?? 0) + (members ?? 0);
}

export function growthPct(now: number | null, then: number | null): number | null {
  if (now === null || then === null || then <= 0) return null;
  const value = Math.round(((now - then) / then) * 10_000) / 100;
  return Math.max(-MAX_PCT, Math.min(MAX_PCT, value));
}
