/**
 * Just enough of the protobuf wire format to walk a message without materialising it: varints, fixed
 * widths and length-delimited ranges over one buffer. Every read checks the message's end, so truncated
 * or corrupt bytes throw a `ProtobufWireError` instead of reading past it.
 *
 * Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5 fixed 32-bit (3/4, groups, are obsolete
 * and rejected).
 */

export class ProtobufWireError extends Error {
  override name = 'ProtobufWireError';
}

export class WireReader {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start: number,
    public end: number,
  ) {
    if (start < 0 || end > buf.length || start > end) throw new ProtobufWireError(`range [${start}, ${end}) outside a buffer of ${buf.length} bytes`);
    this.pos = start;
  }

  /** More fields to read before `end`. */
  more(): boolean {
    return this.pos < this.end;
  }

  /** The next field's tag (field number << 3 | wire type). */
  tag(): number {
    return this.uint32();
  }

  /** A varint that fits in 32 bits unsigned (tags, lengths, indexes, enums); larger ones throw. */
  uint32(): number {
    const buf = this.buf;
    let result = 0;
    let shift = 1;
    for (let i = 0; i < 5; i += 1) {
      if (this.pos >= this.end) throw new ProtobufWireError('varint runs past the end of the message');
      const b = buf[this.pos++] as number;
      result += (b & 0x7f) * shift;
      if (b < 0x80) {
        if (result > 0xffff_ffff) throw new ProtobufWireError('varint larger than 32 bits');
        return result;
      }
      shift *= 128;
    }
    // An int32 field holding a negative value is sign-extended to 10 bytes; nothing we read is negative.
    throw new ProtobufWireError('varint larger than 32 bits');
  }

  /** A uint64 varint, exact. */
  uint64(): bigint {
    const buf = this.buf;
    let low = 0;
    let shift = 1;
    // Up to 7 bytes (49 bits) add up exactly in a double.
    for (let i = 0; i < 7; i += 1) {
      if (this.pos >= this.end) throw new ProtobufWireError('varint runs past the end of the message');
      const b = buf[this.pos++] as number;
      low += (b & 0x7f) * shift;
      if (b < 0x80) return BigInt(low);
      shift *= 128;
    }
    let result = BigInt(low);
    for (let bits = 49n; bits < 70n; bits += 7n) {
      if (this.pos >= this.end) throw new ProtobufWireError('varint runs past the end of the message');
      const b = buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << bits;
      if (b < 0x80) return result & 0xffff_ffff_ffff_ffffn;
    }
    throw new ProtobufWireError('varint longer than 10 bytes');
  }

  /** A uint64 varint as a number (for values that are positions or counts, known to be small). */
  uint64Number(): number {
    const value = this.uint64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ProtobufWireError(`value ${value} too large for a position`);
    return Number(value);
  }

  /** A length-delimited field: returns its end and leaves `pos` at its start. */
  delimited(): number {
    const length = this.uint32();
    const end = this.pos + length;
    if (end > this.end) throw new ProtobufWireError(`field of ${length} bytes runs past the end of the message`);
    return end;
  }

  /** Skips the value of a field of the given wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        for (let i = 0; ; i += 1) {
          if (this.pos >= this.end || i >= 10) throw new ProtobufWireError('bad varint');
          if ((this.buf[this.pos++] as number) < 0x80) return;
        }
      case 1:
        this.advance(8);
        return;
      case 2:
        this.pos = this.delimited();
        return;
      case 5:
        this.advance(4);
        return;
      default:
        throw new ProtobufWireError(`unsupported wire type ${wireType}`);
    }
  }

  private advance(bytes: number): void {
    if (this.pos + bytes > this.end) throw new ProtobufWireError('fixed-width field runs past the end of the message');
    this.pos += bytes;
  }
}
