import type { NormalizeResult } from '../../contracts/chain-transaction.js';
import { MAX_QUARANTINE_RAW_BYTES } from '../../contracts/quarantine.js';
import { describeError } from '../../shared/errors.js';

/** A normalisation failure as a quarantine record, with the input's JSON (truncated) as raw bytes. */
export function normalizeFailure(error: unknown, signature: string | null, slot: bigint | null, input: unknown): NormalizeResult {
  let raw: Uint8Array;
  try {
    const text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
    raw = Buffer.from(text.slice(0, MAX_QUARANTINE_RAW_BYTES), 'utf8');
  } catch {
    raw = new Uint8Array(0);
  }
  const reason = describeError(error);
  return {
    ok: false,
    quarantine: { stage: 'normalize', kind: 'normalize_failed', program: null, discriminator: null, raw, reason, signature, slot, position: { outerIndex: null, innerIndex: null } },
  };
}
