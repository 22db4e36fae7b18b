/**
 * The NDJSON / pub-sub shape of an event (docs/decode-format.md): u64/i64 as decimal strings, addresses
 * base58, `slot` as a number, then every field of the event (kind-specific keys and `extra`).
 */
import type { DecodedEvent } from '../contracts/decoded-event.js';

const LEADING_KEYS = ['signature', 'slot', 'blockTime', 'success', 'program', 'kind', 'source', 'position'] as const;

function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

/** The JSON object of one decoded event. */
export function eventToJson(e: DecodedEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {
    signature: e.signature,
    slot: Number(e.slot),
    blockTime: e.blockTime,
    success: e.success,
    program: e.program,
    kind: e.kind,
    source: e.source,
    position: { ...e.position },
  };
  for (const [key, value] of Object.entries(e)) {
    if ((LEADING_KEYS as readonly string[]).includes(key)) continue;
    out[key] = toJsonValue(value);
  }
  return out;
}
