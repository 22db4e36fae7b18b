/**
 * A bounds-checked little-endian reader over instruction / event bytes. Every read returns a value or
 * throws a `DecodeError` whose `offset` is where the unreadable field starts; the decoders turn it into
 * a `malformed` quarantine record (never past a decoder).
 */
import { encodePubkey } from './base58.js';
import { DecodeError } from './errors.js';

const MAX_STRING_BYTES = 10_000;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export class BorshReader {
  private readonly view: DataView;
  offset: number;

  constructor(readonly bytes: Uint8Array, offset = 0) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  /** Bytes left after the cursor. */
  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private take(n: number): number {
    const at = this.offset;
    if (at + n > this.bytes.length) throw new DecodeError(`needs ${n} bytes, has ${this.bytes.length - at}`, at);
    this.offset = at + n;
    return at;
  }

  u8(): number {
    return this.bytes[this.take(1)] as number;
  }

  u16(): number {
    return this.view.getUint16(this.take(2), true);
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  u64(): bigint {
    return this.view.getBigUint64(this.take(8), true);
  }

  i64(): bigint {
    return this.view.getBigInt64(this.take(8), true);
  }

  bool(): boolean {
    return this.u8() !== 0;
  }

  pubkey(): string {
    return encodePubkey(this.bytes, this.take(32));
  }

  /** A borsh string (u32 length + UTF-8); invalid UTF-8 becomes U+FFFD, the raw bytes stay in the payload. */
  string(): string {
    const len = this.u32();
    if (len > MAX_STRING_BYTES) throw new DecodeError(`string length ${len} is implausible`, this.offset - 4);
    const at = this.take(len);
    if (len <= 32) {
      // Short strings (instruction names, symbols) are nearly always ASCII: skip TextDecoder's set-up.
      let ascii = '';
      for (let i = at; i < at + len; i += 1) {
        const c = this.bytes[i] as number;
        if (c >= 0x80) return utf8.decode(this.bytes.subarray(at, at + len));
        ascii += String.fromCharCode(c);
      }
      return ascii;
    }
    return utf8.decode(this.bytes.subarray(at, at + len));
  }

  skip(n: number): void {
    this.take(n);
  }
}
