/**
 * Transaction V1 (SIMD-0385) in its wire form, read into the same `WireTransaction` as legacy and v0.
 * Unlike them it starts with the message and has no compact-u16 lengths (MAINNET-2026 §7):
 *
 *   version u8 (0x81) · header (3 × u8) · TransactionConfigMask u32 LE · blockhash (32)
 *   · instruction count u8 · address count u8 · addresses (32 each)
 *   · config values (4-byte slots, one per set mask bit; see compute-budget.ts)
 *   · instruction headers, one per instruction: program index u8, account count u8, data length u16 LE
 *   · then per instruction its account indexes and its data
 *   · signatures: the header's required-signature count × 64 bytes, and nothing after them.
 *
 * No address lookup tables: every key is in the message. Checked against the five V1 base64 results of the
 * 2026-12 fixtures (signature, keys, instructions and config equal their json twins where there is one).
 */
import { encodeBase58, encodePubkey } from '../../shared/base58.js';
import { DecodeError } from '../../shared/errors.js';
import type { CompiledInstruction } from './assemble.js';
import type { TransactionComputeBudget } from '../../contracts/chain-transaction.js';
import { countConfigSlots, readConfigValues } from './compute-budget.js';

/** First byte of a V1 transaction: `MESSAGE_VERSION_PREFIX | 1`. */
export const V1_VERSION_BYTE = 0x81;

/** What a V1 transaction holds: a `WireTransaction` (wire-transaction.ts) with no lookup tables and its budget. */
export interface WireTransactionV1 {
  signatures: string[];
  version: 1;
  staticKeys: string[];
  instructions: CompiledInstruction[];
  lookupCount: 0;
  computeBudget: TransactionComputeBudget;
}

const SIGNATURE_BYTES = 64;
const KEY_BYTES = 32;

/** Parses a V1 transaction (`bytes[0] === 0x81`); throws `DecodeError` (with the offset) on malformed bytes. */
export function parseWireTransactionV1(bytes: Uint8Array): WireTransactionV1 {
  let at = 0;
  const need = (n: number, what: string): number => {
    const start = at;
    if (start + n > bytes.length) throw new DecodeError(`V1 transaction truncated at ${start} (${what})`, start);
    at = start + n;
    return start;
  };
  if (bytes[need(1, 'version')] !== V1_VERSION_BYTE) throw new DecodeError('not a V1 transaction: first byte is not 0x81', 0);
  const headerAt = need(3, 'header');
  const requiredSignatures = bytes[headerAt] as number;
  const maskAt = need(4, 'config mask');
  const mask = new DataView(bytes.buffer, bytes.byteOffset + maskAt, 4).getUint32(0, true);
  need(KEY_BYTES, 'blockhash');
  const ixCount = bytes[need(1, 'instruction count')] as number;
  const keyCount = bytes[need(1, 'address count')] as number;
  const staticKeys = new Array<string>(keyCount);
  for (let i = 0; i < keyCount; i += 1) staticKeys[i] = encodePubkey(bytes, need(KEY_BYTES, 'addresses'));
  const configAt = need(countConfigSlots(mask) * 4, 'config values');
  const computeBudget = readConfigValues(bytes, configAt, mask);
  const headersAt = need(ixCount * 4, 'instruction headers');
  const instructions = new Array<CompiledInstruction>(ixCount);
  for (let i = 0; i < ixCount; i += 1) {
    const h = headersAt + i * 4;
    const accountCount = bytes[h + 1] as number;
    const dataLength = (bytes[h + 2] as number) | ((bytes[h + 3] as number) << 8);
    const accountsAt = need(accountCount, `accounts of instruction ${i}`);
    const dataAt = need(dataLength, `data of instruction ${i}`);
    instructions[i] = { programIdIndex: bytes[h] as number, accounts: bytes.subarray(accountsAt, accountsAt + accountCount), data: bytes.subarray(dataAt, dataAt + dataLength) };
  }
  const signatures = new Array<string>(requiredSignatures);
  for (let i = 0; i < requiredSignatures; i += 1) {
    const s = need(SIGNATURE_BYTES, 'signatures');
    signatures[i] = encodeBase58(bytes, s, s + SIGNATURE_BYTES);
  }
  if (at !== bytes.length) throw new DecodeError(`V1 transaction has ${bytes.length - at} bytes after its signatures`, at);
  return { signatures, version: 1, staticKeys, instructions, lookupCount: 0, computeBudget };
}
