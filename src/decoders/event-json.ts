import type { DecodedEvent } from './types.js';

/** The NDJSON / pub-sub shape of an event: u64 as decimal strings, addresses base58. */
export function eventToJson(e: DecodedEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) out[k] = typeof v === 'bigint' ? v.toString() : v;
  return out;
}
