/**
 * `ChainTransaction`: the contract between the stream stage (which normalises every wire format into it:
 * Yellowstone bytes and objects, RPC `getTransaction`/`getBlock` results, fixture shapes) and the decoders
 * (which read nothing else).
 *
 * Numbers: every u64/i64 amount is a `bigint`; slots are `bigint` too (u64 on chain). u8/u16/u32 values,
 * indexes and unix times in seconds are `number`. Addresses and signatures are base58 strings.
 */
import type { QuarantineRecord } from './quarantine.js';

/** One instruction as it executed: a top-level one (stackHeight 1) or an inner one (CPI, height >= 2). */
export interface ChainInstruction {
  /** Program that was invoked, base58. */
  programId: string;
  /** The instruction's accounts, resolved to base58 addresses (lookup-table keys included). */
  accounts: string[];
  /** Raw instruction data. */
  data: Uint8Array;
  /** 1 for a top-level instruction, 2 for its direct CPI, and so on. */
  stackHeight: number;
  /** Index of the top-level instruction this one belongs to (its own index when outer). */
  outerIndex: number;
  /** Index inside the outer instruction's inner list; null for a top-level instruction. */
  innerIndex: number | null;
}

/** A token account's balance before or after the transaction, as the runtime reports it. */
export interface ChainTokenBalance {
  /** Index of the token account in `accountKeys`. */
  accountIndex: number;
  /** The token account address (resolved from `accountIndex`), when it can be resolved. */
  account: string | null;
  mint: string;
  /** Wallet that owns the token account; null when the source omits it (very old transactions). */
  owner: string | null;
  /** SPL Token or Token-2022 program id, when the source reports it. */
  programId: string | null;
  /** Raw amount in base units. */
  amount: bigint;
  decimals: number;
}

/**
 * The compute budget a Transaction V1 (SIMD-0385) message carries inline (`TransactionConfigMask` and its
 * values; RPC `transaction.message.transactionConfig`; Yellowstone `Message.config`). A field the message
 * leaves unset is null (the runtime then applies its default). Legacy and v0 transactions have no such
 * part: their budget is in ComputeBudget instructions, which stay in `instructions`.
 */
export interface TransactionComputeBudget {
  /** The whole priority fee in lamports (not a price per compute unit). */
  priorityFeeLamports: bigint | null;
  computeUnitLimit: number | null;
  /** Bytes of account data the transaction may load. */
  loadedAccountsDataSizeLimit: number | null;
  /** Program heap in bytes. */
  heapSize: number | null;
}

/** A normalised transaction, whichever source it came from (Yellowstone, RPC json/jsonParsed/base64/base58). */
export interface ChainTransaction {
  signature: string;
  slot: bigint;
  /** Position of the transaction inside its block, when the source knows it. */
  txIndex: number | null;
  /** Unix seconds; null when the source does not carry it (Yellowstone transaction updates). */
  blockTime: number | null;
  success: boolean;
  /** The runtime's error as JSON (null when the transaction succeeded). */
  err: unknown;
  /** A short, stable code derived from `err`, e.g. `InstructionError:2:Custom:6003`; null on success. */
  errorCode: string | null;
  /** Fee paid in lamports. */
  fee: bigint;
  /** Static keys, then loaded writable, then loaded readonly (the order instructions index into). */
  accountKeys: string[];
  /** Every instruction in execution order: each outer one followed by its inner ones. */
  instructions: ChainInstruction[];
  logMessages: string[];
  preTokenBalances: ChainTokenBalance[];
  postTokenBalances: ChainTokenBalance[];
  /** Lamport balances, indexed like `accountKeys`. */
  preBalances: bigint[];
  postBalances: bigint[];
  /**
   * Transaction V1 only: its inline compute budget (absent for legacy and v0). No table has a column for it
   * yet; it is kept here for the decoders and for whatever stores it later.
   */
  computeBudget?: TransactionComputeBudget;
}

/** Wrapped SOL: the quote mint of SOL-paired pools. */
export const WSOL_MINT = 'So11111111111111111111111111111111111111112';

/** What normalising one source transaction yields: the transaction, or why it could not be read. */
export type NormalizeResult = { ok: true; tx: ChainTransaction } | { ok: false; quarantine: QuarantineRecord };
