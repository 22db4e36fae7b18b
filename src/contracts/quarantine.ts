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
