/**
 * A minimal Borsh writer (little-endian, strings u32-prefixed): the simulator's event and instruction
 * payloads, and the decoder tests' hand-built layouts.
 */
import bs58 from 'bs58';

export class BorshWriter {
  private readonly parts: Uint8Array[] = [];

  /** Raw bytes (a Uint8Array is kept as is, not copied). */
  bytes(value: ArrayLike<number>): this {
    this.parts.push(value instanceof Uint8Array ? value : Uint8Array.from(value));
    return this;
  }
  u8(value: number): this {
    return this.bytes(Uint8Array.of(value));
  }
  bool(value: boolean): this {
    return this.u8(value ? 1 : 0);
  }
  u16(value: number): this {
    const out = new Uint8Array(2);
    new DataView(out.buffer).setUint16(0, value, true);
    return this.bytes(out);
  }
  u32(value: number): this {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value, true);
    return this.bytes(out);
  }
  u64(value: bigint): this {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, value, true);
    return this.bytes(out);
  }
  i64(value: bigint): this {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigInt64(0, value, true);
    return this.bytes(out);
  }
  /** Borsh i128: two's complement, low 64 bits first (PumpSwap's signed virtual_quote_reserves). */
  i128(value: bigint): this {
    const out = new Uint8Array(16);
    const view = new DataView(out.buffer);
    const bits = BigInt.asUintN(128, value);
    view.setBigUint64(0, bits & 0xffff_ffff_ffff_ffffn, true);
    view.setBigUint64(8, bits >> 64n, true);
    return this.bytes(out);
  }
  pubkey(address: string): this {
    return this.bytes(bs58.decode(address));
  }
  string(value: string): this {
    const encoded = new TextEncoder().encode(value);
    return this.u32(encoded.length).bytes(encoded);
  }
  /** Hex discriminator such as `bd db 7f d3 4e e6 61 ee`. */
  discriminator(hex: string): this {
    return this.bytes(Uint8Array.from(hex.split(' ').map((byte) => parseInt(byte, 16))));
  }
  finish(): Uint8Array {
    const total = this.parts.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of this.parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}
