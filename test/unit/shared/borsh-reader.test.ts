import { describe, expect, it } from 'vitest';
import { BorshReader } from '../../../src/shared/borsh-reader.js';
import { DecodeError } from '../../../src/shared/errors.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';

/** What a read threw, as a plain object (class, message, offset). */
function thrown(read: () => unknown): unknown {
  try {
    read();
  } catch (error) {
    return error instanceof DecodeError ? { error: 'DecodeError', message: error.message, offset: error.offset } : error;
  }
  return 'nothing thrown';
}

describe('BorshReader', () => {
  it('reads little-endian fields in order', () => {
    const r = new BorshReader(new BorshWriter().u8(7).u16(513).u32(70_000).u64(2n ** 63n).i64(-5n).bool(true).string('pump').finish());
    expect([r.u8(), r.u16(), r.u32(), r.u64(), r.i64(), r.bool(), r.string(), r.remaining]).toEqual([7, 513, 70_000, 2n ** 63n, -5n, true, 'pump', 0]);
  });

  it('throws a DecodeError with the offset of the field it cannot read', () => {
    const r = new BorshReader(new BorshWriter().u32(1).u32(2).u8(3).finish());
    r.u32();
    expect(thrown(() => r.u64())).toEqual({ error: 'DecodeError', message: 'needs 8 bytes, has 5', offset: 4 });
    expect(r.offset).toBe(4);
  });

  it('counts offsets from the start of the bytes, also when reading starts after the discriminator', () => {
    const r = new BorshReader(new Uint8Array(40), 8);
    expect(thrown(() => r.pubkey() && r.pubkey())).toEqual({ error: 'DecodeError', message: 'needs 32 bytes, has 0', offset: 40 });
  });

  it('gives the offset of the length prefix for an implausible string length', () => {
    const r = new BorshReader(new BorshWriter().u8(0).u32(1_000_000).finish());
    r.u8();
    expect(thrown(() => r.string())).toEqual({ error: 'DecodeError', message: 'string length 1000000 is implausible', offset: 1 });
  });
});
