/** Discriminators as little-endian u64 bigints: one DataView read per payload, then a Map lookup. */

/** The discriminator of `data` (first 8 bytes, little-endian), or null when shorter than 8 bytes. */
export function readDiscriminator(data: Uint8Array): bigint | null {
  if (data.length < 8) return null;
  return new DataView(data.buffer, data.byteOffset, 8).getBigUint64(0, true);
}

/** The bigint key of a discriminator written as hex bytes (`'bd db 7f d3 4e e6 61 ee'`). */
export function discriminatorFromHex(hex: string): bigint {
  const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
  return bytes.readBigUInt64LE(0);
}

/** Hex of the first 8 bytes (for quarantine records). */
export function discriminatorHex(data: Uint8Array): string | null {
  return data.length === 0 ? null : Buffer.from(data.subarray(0, 8)).toString('hex');
}

/** Anchor's self-CPI event tag `e445a52e51cb9a1d`. */
export const EVENT_IX_TAG = discriminatorFromHex('e4 45 a5 2e 51 cb 9a 1d');
