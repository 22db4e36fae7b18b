/**
 * The inline compute budget of a Transaction V1 message, read from each form a source gives it in:
 * the wire form's config values (one 4-byte slot per set bit of `TransactionConfigMask`, lowest bit first),
 * the RPC json/jsonParsed `message.transactionConfig` object, and Yellowstone's `Message.config`.
 * Mask bits (SIMD-0385; checked against the 2026-12 fixtures, whose json twins state the same values):
 * 0–1 priority fee (both set, a u64 over two slots), 2 compute-unit limit, 3 loaded-accounts data size
 * limit, 4 heap size.
 */
import type { TransactionComputeBudget } from '../../contracts/chain-transaction.js';
import { DecodeError } from '../../shared/errors.js';

const PRIORITY_FEE_BITS = 0b11;
const COMPUTE_UNIT_LIMIT_BIT = 1 << 2;
const LOADED_ACCOUNTS_DATA_SIZE_LIMIT_BIT = 1 << 3;
const HEAP_SIZE_BIT = 1 << 4;

/** Number of 4-byte config slots the mask announces (every set bit is one slot). */
export function countConfigSlots(mask: number): number {
  let slots = 0;
  for (let m = mask >>> 0; m !== 0; m >>>= 1) slots += m & 1;
  return slots;
}

/**
 * Reads the config values that follow the addresses at `bytes[at]` (`countConfigSlots(mask)` × 4 bytes).
 * Bits above 4 have no meaning we know: their slots are skipped. A priority fee with one of its two bits
 * set is malformed.
 */
export function readConfigValues(bytes: Uint8Array, at: number, mask: number): TransactionComputeBudget {
  const fee = mask & PRIORITY_FEE_BITS;
  if (fee !== 0 && fee !== PRIORITY_FEE_BITS) throw new DecodeError(`transaction config mask ${mask.toString(2)}: priority fee needs both bits 0 and 1`, at);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const budget: TransactionComputeBudget = { priorityFeeLamports: null, computeUnitLimit: null, loadedAccountsDataSizeLimit: null, heapSize: null };
  let slot = at;
  if (fee !== 0) {
    budget.priorityFeeLamports = view.getBigUint64(slot, true);
    slot += 8;
  }
  const next = (): number => {
    const value = view.getUint32(slot, true);
    slot += 4;
    return value;
  };
  if ((mask & COMPUTE_UNIT_LIMIT_BIT) !== 0) budget.computeUnitLimit = next();
  if ((mask & LOADED_ACCOUNTS_DATA_SIZE_LIMIT_BIT) !== 0) budget.loadedAccountsDataSizeLimit = next();
  if ((mask & HEAP_SIZE_BIT) !== 0) budget.heapSize = next();
  return budget;
}

type Json = Record<string, unknown>;

const optionalU32 = (value: unknown, field: string): number | null => {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 0xffff_ffff) throw new Error(`transactionConfig.${field} is not a u32: ${String(value)}`);
  return n;
};

const optionalU64 = (value: unknown, field: string): bigint | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'bigint') throw new Error(`transactionConfig.${field} is not a u64: ${String(value)}`);
  try {
    return BigInt(value);
  } catch (error) {
    throw new Error(`transactionConfig.${field} is not a u64: ${String(value)}`, { cause: error });
  }
};

/**
 * RPC `transactionConfig` (`{priorityFee, computeUnitLimit, loadedAccountsDataSizeLimit, heapSize}`, unset
 * fields null) or Yellowstone `TransactionConfig` (u64 as a string, unset fields absent) → the budget.
 */
export function computeBudgetFromConfig(config: Json): TransactionComputeBudget {
  return {
    priorityFeeLamports: optionalU64(config.priorityFee, 'priorityFee'),
    computeUnitLimit: optionalU32(config.computeUnitLimit, 'computeUnitLimit'),
    loadedAccountsDataSizeLimit: optionalU32(config.loadedAccountsDataSizeLimit, 'loadedAccountsDataSizeLimit'),
    heapSize: optionalU32(config.heapSize, 'heapSize'),
  };
}
