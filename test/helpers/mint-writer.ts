/** Test-side writer of SPL / Token-2022 mint accounts (not a test file). */
/** A mint as the token programs lay it out; extensions as [type, value] TLV entries. */
export function buildMint(options: { mintAuthority?: Uint8Array; freezeAuthority?: Uint8Array; extensions?: Array<[number, Uint8Array]> } = {}): Buffer {
  const base = Buffer.alloc(82);
  if (options.mintAuthority) {
    base.writeUInt32LE(1, 0);
    base.set(options.mintAuthority, 4);
  }
  base.writeBigUInt64LE(1_000_000_000_000_000n, 36);
  base[44] = 6;
  base[45] = 1;
  if (options.freezeAuthority) {
    base.writeUInt32LE(1, 46);
    base.set(options.freezeAuthority, 50);
  }
  if (!options.extensions) return base;
  const parts = [base, Buffer.alloc(165 - 82), Buffer.from([1])];
  for (const [type, value] of options.extensions) {
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(value.length, 2);
    parts.push(head, Buffer.from(value));
  }
  return Buffer.concat(parts);
}


/** TransferFeeConfig value (108 bytes) with the newer fee's basis points. */
export function transferFeeConfig(bps: number): Uint8Array {
  const value = Buffer.alloc(108);
  value.writeUInt16LE(bps, 106);
  return value;
}
