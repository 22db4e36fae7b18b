/**
 * Parser of the Solana wire transaction (legacy, v0 and V1 messages), for RPC `base64` / `base58` / `binary`
 * results and blockSubscribe notifications. Legacy and v0 start with the signatures; a V1 transaction
 * starts with its message (first byte 0x81) and is read by wire-transaction-v1.ts. Our own ~60 lines:
 * @solana/web3.js `VersionedTransaction.deserialize` builds PublicKey objects for every key, which is
 * several times slower (measured in bench/decode.ts).
 */
import { encodeBase58, encodePubkey } from '../../shared/base58.js';
import { DecodeError } from '../../shared/errors.js';
import type { TransactionComputeBudget } from '../../contracts/chain-transaction.js';
import type { CompiledInstruction } from './assemble.js';
import { parseWireTransactionV1, V1_VERSION_BYTE } from './wire-transaction-v1.js';

export interface WireTransaction {
  signatures: string[];
  version: 'legacy' | number;
  staticKeys: string[];
  instructions: CompiledInstruction[];
  /** Lookup tables: the loaded keys themselves come from the meta (RPC) — only the count is checked. */
  lookupCount: number;
  /** V1 only: the compute budget inline in the message. */
  computeBudget?: TransactionComputeBudget;
}

class Cursor {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  need(n: number): number {
    const start = this.at;
    if (start + n > this.bytes.length) throw new DecodeError(`wire transaction truncated at ${start}`, start);
    this.at = start + n;
    return start;
  }
  u8(): number {
    return this.bytes[this.need(1)] as number;
  }
  /** Solana's compact-u16 (1 to 3 bytes, 7 bits each). */
  shortVec(): number {
    let value = 0;
    for (let shift = 0; shift < 21; shift += 7) {
      const b = this.u8();
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return value;
    }
    throw new DecodeError('compact-u16 too long', this.at - 3);
  }
  slice(n: number): Uint8Array {
    const start = this.need(n);
    return this.bytes.subarray(start, start + n);
  }
}

/** Parses a serialised transaction; throws `DecodeError` on malformed bytes (callers quarantine). */
export function parseWireTransaction(bytes: Uint8Array): WireTransaction {
  if (bytes[0] === V1_VERSION_BYTE) return parseWireTransactionV1(bytes);
  const c = new Cursor(bytes);
  const signatures: string[] = [];
  const sigCount = c.shortVec();
  for (let i = 0; i < sigCount; i += 1) {
    const at = c.need(64);
    signatures.push(encodeBase58(bytes, at, at + 64));
  }
  const first = bytes[c.at];
  let version: 'legacy' | number = 'legacy';
  if (first !== undefined && (first & 0x80) !== 0) {
    version = c.u8() & 0x7f;
    // Only v0 puts its version byte after the signatures (V1's leads the transaction, handled above).
    if (version !== 0) throw new DecodeError(`message version ${version} after the signatures: not a legacy, v0 or V1 transaction`, c.at - 1);
  }
  c.need(3); // header
  const keyCount = c.shortVec();
  const staticKeys: string[] = [];
  for (let i = 0; i < keyCount; i += 1) staticKeys.push(encodePubkey(bytes, c.need(32)));
  c.need(32); // recent blockhash
  const instructions: CompiledInstruction[] = [];
  const ixCount = c.shortVec();
  for (let i = 0; i < ixCount; i += 1) {
    const programIdIndex = c.u8();
    const accounts = c.slice(c.shortVec());
    const data = c.slice(c.shortVec());
    instructions.push({ programIdIndex, accounts, data });
  }
  let lookupCount = 0;
  if (version !== 'legacy') {
    lookupCount = c.shortVec();
    for (let i = 0; i < lookupCount; i += 1) {
      c.need(32);
      c.slice(c.shortVec());
      c.slice(c.shortVec());
    }
  }
  return { signatures, version, staticKeys, instructions, lookupCount };
}
