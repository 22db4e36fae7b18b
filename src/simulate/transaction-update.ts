/**
 * Builds a Yellowstone `SubscribeUpdate` carrying one transaction, shaped like what a real server sends:
 * a message header, a 32-byte recent blockhash, 64-byte signatures, compiled instructions indexing into
 * the account keys, inner instructions with stack heights, log messages, token balances, lamport
 * balances and the error (bincode bytes) of a failed transaction. A Transaction V1 is the same message
 * with `config` (its inline compute budget) set, as Yellowstone sends it.
 * Types only: the simulator does not load the gRPC client.
 */
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';

export interface SimInstruction {
  programId: string;
  accounts: string[];
  data: Uint8Array;
}

export interface SimInnerInstruction extends SimInstruction {
  /** 2 for a direct CPI of the outer instruction, 3 for a CPI of that, ... */
  stackHeight: number;
}

export interface SimTokenBalance {
  account: string;
  mint: string;
  owner: string;
  programId: string;
  amount: bigint;
  decimals: number;
}

/** A Transaction V1 (SIMD-0385) message's inline compute budget; unset fields are left out of the message. */
export interface SimComputeBudget {
  priorityFeeLamports?: bigint;
  computeUnitLimit?: number;
  loadedAccountsDataSizeLimit?: number;
  heapSize?: number;
}

export interface SimTransaction {
  slot: bigint;
  /** Position of the transaction in its block. */
  index: number;
  signature: Uint8Array;
  /** Fee payer and signer. */
  payer: string;
  recentBlockhash: Uint8Array;
  instructions: Array<SimInstruction & { inner: SimInnerInstruction[] }>;
  logMessages: string[];
  preTokenBalances: SimTokenBalance[];
  postTokenBalances: SimTokenBalance[];
  feeLamports: bigint;
  /** Lamport change of the payer (negative when it paid). */
  payerDeltaLamports: bigint;
  /** Bincode bytes of the `TransactionError`, for a failed transaction. */
  errorBytes?: Uint8Array;
  /** Set for a Transaction V1: its budget goes in `Message.config` (and it has no ComputeBudget instruction). */
  computeBudget?: SimComputeBudget;
}

/** Collects account keys in Solana order: writable signer (payer), then the rest in first-use order. */
function collectAccountKeys(tx: SimTransaction): string[] {
  const keys = [tx.payer];
  const add = (key: string): void => void (keys.includes(key) || keys.push(key));
  for (const ix of tx.instructions) {
    ix.accounts.forEach(add);
    ix.inner.forEach((inner) => inner.accounts.forEach(add));
  }
  for (const balance of [...tx.preTokenBalances, ...tx.postTokenBalances]) add(balance.account);
  for (const ix of tx.instructions) {
    add(ix.programId);
    ix.inner.forEach((inner) => add(inner.programId));
  }
  return keys;
}

/** Encodes one simulated transaction as a `SubscribeUpdate` (transaction oneof). */
export function buildTransactionUpdate(tx: SimTransaction, createdAt: Date = new Date(0)): SubscribeUpdate {
  const keys = collectAccountKeys(tx);
  const indexOf = (key: string): number => keys.indexOf(key);
  const compile = (ix: SimInstruction): { programIdIndex: number; accounts: Uint8Array; data: Uint8Array } => ({
    programIdIndex: indexOf(ix.programId),
    accounts: Uint8Array.from(ix.accounts.map(indexOf)),
    data: ix.data,
  });
  const programKeys = new Set(tx.instructions.flatMap((ix) => [ix.programId, ...ix.inner.map((inner) => inner.programId)]));
  const tokenBalance = (balance: SimTokenBalance) => ({
    accountIndex: indexOf(balance.account),
    mint: balance.mint,
    owner: balance.owner,
    programId: balance.programId,
    uiTokenAmount: { uiAmount: 0, decimals: balance.decimals, amount: balance.amount.toString(), uiAmountString: formatUiAmount(balance.amount, balance.decimals) },
  });
  const preBalances = keys.map((_, i) => (i === 0 ? 10_000_000_000_000n : 1_000_000n));
  const postBalances = preBalances.map((value, i) => (i === 0 ? value + tx.payerDeltaLamports : value));
  return {
    filters: [],
    createdAt,
    transaction: {
      slot: tx.slot.toString(),
      transaction: {
        signature: tx.signature,
        isVote: false,
        index: String(tx.index),
        transaction: {
          signatures: [tx.signature],
          message: {
            header: { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: countTrailing(keys, programKeys) },
            accountKeys: keys.map((key) => bs58.decode(key)),
            recentBlockhash: tx.recentBlockhash,
            instructions: tx.instructions.map(compile),
            versioned: true,
            addressTableLookups: [],
            config: tx.computeBudget ? messageConfig(tx.computeBudget) : undefined,
          },
        },
        meta: {
          err: tx.errorBytes ? { err: tx.errorBytes } : undefined,
          fee: tx.feeLamports.toString(),
          preBalances: preBalances.map(String),
          postBalances: postBalances.map(String),
          innerInstructions: tx.instructions
            .map((ix, index) => ({ index, instructions: ix.inner.map((inner) => ({ ...compile(inner), stackHeight: inner.stackHeight })) }))
            .filter((group) => group.instructions.length > 0),
          innerInstructionsNone: false,
          logMessages: tx.logMessages,
          logMessagesNone: false,
          preTokenBalances: tx.preTokenBalances.map(tokenBalance),
          postTokenBalances: tx.postTokenBalances.map(tokenBalance),
          rewards: [],
          loadedWritableAddresses: [],
          loadedReadonlyAddresses: [],
          returnData: undefined,
          returnDataNone: true,
          computeUnitsConsumed: '60000',
        },
      },
    },
  };
}

/** Yellowstone's `TransactionConfig` (u64 as a decimal string, unset fields absent). */
function messageConfig(budget: SimComputeBudget): { priorityFee?: string; computeUnitLimit?: number; loadedAccountsDataSizeLimit?: number; heapSize?: number } {
  return {
    priorityFee: budget.priorityFeeLamports?.toString(),
    computeUnitLimit: budget.computeUnitLimit,
    loadedAccountsDataSizeLimit: budget.loadedAccountsDataSizeLimit,
    heapSize: budget.heapSize,
  };
}

/** Exact decimal rendering of a raw amount (no floats). */
export function formatUiAmount(amount: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const fraction = (amount % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole.toString();
}

/** Number of keys at the end of the list that are programs (read-only, unsigned). */
function countTrailing(keys: string[], programKeys: Set<string>): number {
  let count = 0;
  while (count < keys.length - 1 && programKeys.has(keys[keys.length - 1 - count] as string)) count += 1;
  return count;
}
