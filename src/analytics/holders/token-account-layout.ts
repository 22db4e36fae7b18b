/**
 * The SPL Token account layout (Token-2022 accounts share the first 165 bytes and append extensions):
 *   mint 0..32, owner 32..64, amount u64 little-endian 64..72, ..., state u8 at 108 (0 uninitialized,
 *   1 initialized, 2 frozen); a Token-2022 account longer than 165 bytes has its account type at 165
 *   (2 = Account). Pure: bytes in, value or null out (never throws).
 */
import { encodeBase58 } from '../../shared/base58.js';

export const TOKEN_ACCOUNT_SIZE = 165;
const ACCOUNT_TYPE_OFFSET = 165;
const ACCOUNT_TYPE_ACCOUNT = 2;
const STATE_OFFSET = 108;

export interface TokenAccountData {
  mint: string;
  owner: string;
  /** Raw base units. */
  amount: bigint;
}

/** Reads a token account; null when the bytes are not an initialized token account. */
export function parseTokenAccount(data: Uint8Array): TokenAccountData | null {
  if (data.length < TOKEN_ACCOUNT_SIZE) return null;
  if (data.length > TOKEN_ACCOUNT_SIZE && data[ACCOUNT_TYPE_OFFSET] !== ACCOUNT_TYPE_ACCOUNT) return null;
  if (data[STATE_OFFSET] === 0) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    mint: encodeBase58(data, 0, 32),
    owner: encodeBase58(data, 32, 64),
    amount: view.getBigUint64(64, true),
  };
}

/** Builds token account bytes (tests and the RPC stand-in). */
export function encodeTokenAccount(mint: Uint8Array, owner: Uint8Array, amount: bigint, size = TOKEN_ACCOUNT_SIZE): Uint8Array {
  const data = new Uint8Array(size);
  data.set(mint, 0);
  data.set(owner, 32);
  new DataView(data.buffer).setBigUint64(64, amount, true);
  data[STATE_OFFSET] = 1;
  if (size > TOKEN_ACCOUNT_SIZE) data[ACCOUNT_TYPE_OFFSET] = ACCOUNT_TYPE_ACCOUNT;
  return data;
}
