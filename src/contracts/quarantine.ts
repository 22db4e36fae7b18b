/**
 * Quarantine: input that could not be read, decoded or stored. Every stage hands these on as data;
 * the PostgreSQL sink keeps them in the `quarantine` table and metrics count them by stage and reason.
 */

/** Input that could not be decoded or stored: kept with its raw bytes and reason, never thrown. */
export interface QuarantineRecord {
  /** Where it was rejected. */
  stage: 'normalize' | 'decode' | 'store';
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
