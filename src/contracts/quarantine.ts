/**
 * Quarantine: input that could not be read, decoded or stored. Every stage hands these on as data;
 * the PostgreSQL sink keeps them in the `quarantine` table and metrics count them by stage and reason.
 */

/** Input that could not be decoded or stored: kept with its raw bytes and reason, never thrown. */
/**
 * Why it was quarantined, as a closed vocabulary (metrics count by it; `reason` adds the detail):
 * - `unreadable_update`: a stream update whose bytes could not be read at all;
 * - `normalize_failed`: a transaction that could not be normalised into a `ChainTransaction`;
 * - `unknown_discriminator`: a payload of one of our programs whose discriminator no layout knows;
 * - `malformed`: a known discriminator whose bytes do not fit its layout (offset in `reason`);
 * - `decoder_failure`: a decoder bug, caught by the last guard (one transaction lost, never the stream);
 * - `unresolved`: an event the pipeline cannot apply (e.g. a trade whose pool is unknown);
 * - `rejected_by_database`: a row the database refused.
 */
export type QuarantineKind =
  | 'unreadable_update'
  | 'normalize_failed'
  | 'unknown_discriminator'
  | 'malformed'
  | 'decoder_failure'
  | 'unresolved'
  | 'rejected_by_database';

export interface QuarantineRecord {
  /** Where it was rejected. */
  stage: 'normalize' | 'decode' | 'store';
  kind: QuarantineKind;
  program: string | null;
  /** First 8 bytes of the payload as hex, when there is a payload. */
  discriminator: string | null;
  raw: Uint8Array;
  reason: string;
  signature: string | null;
  slot: bigint | null;
  position: { outerIndex: number | null; innerIndex: number | null };
}

/** At most this many bytes of an input are kept in a quarantine record (the table is for inspection, not archive). */
export const MAX_QUARANTINE_RAW_BYTES = 64 * 1024;

/** A copy of at most `MAX_QUARANTINE_RAW_BYTES` of `bytes[start, end)`, detached from the buffer it came from. */
export function quarantineRaw(bytes: Uint8Array, start = 0, end = bytes.length): Uint8Array {
  const from = Math.max(0, start);
  return Uint8Array.from(bytes.subarray(from, Math.min(end, from + MAX_QUARANTINE_RAW_BYTES)));
}
