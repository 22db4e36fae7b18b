/**
 * A looped Yellowstone stream for the local Geyser server: a list of slots (their updates: transactions,
 * block meta, slot status) sent again and again, loop L with fresh signatures (a hash of L and the
 * original) and fresh slots (`startSlot + L * slotsPerLoop + i`), keeping every slot's block time. Every
 * loop therefore writes the same trades again into the same candle buckets, pools and token accounts,
 * which is what makes it a hard case for derived data: a bucket is marked, recomputed and marked again all
 * run long, and after any number of whole loops the derived state is the one the first loop left.
 *
 * The slots: the real fixture blocks (../shared/fixtures/blocks), only their transactions that name one of
 * our programs (the server would filter the others out anyway), each rebuilt from its normalised form:
 * every key static (lookup-table keys included, so no table is needed), outer instructions compiled against
 * them, inner ones grouped with their stack heights, logs, balances, fee, and the error as bincode for a
 * failed one. Those blocks carry no token balances, so slots of the synthetic market (launches, trades,
 * graduations, token balances) can be added to each loop for the holder tables.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SubscribeUpdate } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import type { ChainTokenBalance, ChainTransaction } from '../../src/contracts/chain-transaction.js';
import { DECODER_PROGRAMS } from '../../src/contracts/programs.js';
import { readTransactionsFromJson } from '../../src/stream/normalize/read-input.js';
import { createSyntheticMarket, type SyntheticMarketOptions } from '../../src/simulate/synthetic-market.js';

/** One slot's updates, as sent once; `loopUpdates` relabels them. */
export type SlotUpdates = SubscribeUpdate[];

export interface LoopedStream {
  /** Slots one loop takes. */
  slotsPerLoop: number;
  slotOf(loop: number, index: number): bigint;
  /** Loop `loop` as server updates, slot after slot. */
  loopUpdates(loop: number): SubscribeUpdate[];
}

/** Loops `slots` from `startSlot` on. */
export function createLoopedStream(slots: readonly SlotUpdates[], startSlot: bigint): LoopedStream {
  const slotOf = (loop: number, index: number): bigint => startSlot + BigInt(loop * slots.length + index);
  return {
    slotsPerLoop: slots.length,
    slotOf,
    loopUpdates: (loop) => slots.flatMap((updates, i) => updates.map((update) => relabel(update, slotOf(loop, i), loop))),
  };
}

/** The fixture blocks (`<fixturesDir>/blocks/*.getblock.json`, by name) as slots of our programs' transactions. */
export function readFixtureBlockSlots(fixturesDir: string): SlotUpdates[] {
  const folder = join(fixturesDir, 'blocks');
  const programs = new Set(DECODER_PROGRAMS.map((p) => p.programId));
  return readdirSync(folder).filter((f) => f.endsWith('.getblock.json')).sort().map((file) => {
    const json = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { blockTime: number };
    const transactions = readTransactionsFromJson(json)
      .flatMap((r) => (r.ok ? [r.tx] : []))
      .filter((tx) => tx.accountKeys.some((key) => programs.has(key)));
    return [
      ...transactions.map((tx) => transactionUpdate(tx, 0n, bs58.decode(tx.signature))),
      blockMetaUpdate(0n, json.blockTime, transactions.length),
      { filters: [], createdAt: new Date(0), slot: { slot: '0', parent: '0', status: 1 } } as SubscribeUpdate,
    ];
  });
}

/** `count` slots of a synthetic market (its updates as the local server would send them). */
export function syntheticSlots(options: SyntheticMarketOptions, count: number): SlotUpdates[] {
  const market = createSyntheticMarket(options);
  return Array.from({ length: count }, () => market.nextSlot().updates);
}

function relabel(update: SubscribeUpdate, slot: bigint, loop: number): SubscribeUpdate {
  const text = slot.toString();
  const parent = (slot - 1n).toString();
  if (update.transaction?.transaction?.transaction) {
    const info = update.transaction.transaction;
    const signature = freshSignature(loop, info.signature);
    const transaction = { ...info.transaction!, signatures: [signature, ...info.transaction!.signatures.slice(1)] };
    return { ...update, transaction: { ...update.transaction, slot: text, transaction: { ...info, signature, transaction } } };
  }
  if (update.blockMeta) return { ...update, blockMeta: { ...update.blockMeta, slot: text, parentSlot: parent, blockHeight: { blockHeight: text } } };
  if (update.slot) return { ...update, slot: { ...update.slot, slot: text, parent } };
  return update;
}

function freshSignature(loop: number, signature: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha512').update(`${loop}:`).update(signature).digest());
}

const BLOCKHASH = new Uint8Array(32).fill(9);

function transactionUpdate(tx: ChainTransaction, slot: bigint, signature: Uint8Array): SubscribeUpdate {
  const keys = [...tx.accountKeys];
  const index = new Map(keys.map((key, i) => [key, i] as const));
  const indexOf = (key: string): number => {
    let at = index.get(key);
    if (at === undefined) {
      at = keys.push(key) - 1;
      index.set(key, at);
    }
    return at;
  };
  const compile = (ix: ChainTransaction['instructions'][number]) => ({ programIdIndex: indexOf(ix.programId), accounts: Uint8Array.from(ix.accounts.map(indexOf)), data: ix.data });
  const outer = tx.instructions.filter((ix) => ix.innerIndex === null);
  const inner = outer
    .map((o) => ({ index: o.outerIndex, instructions: tx.instructions.filter((ix) => ix.innerIndex !== null && ix.outerIndex === o.outerIndex).map((ix) => ({ ...compile(ix), stackHeight: ix.stackHeight })) }))
    .filter((group) => group.instructions.length > 0);
  const instructions = outer.map(compile);
  const balance = (b: ChainTokenBalance) => ({
    accountIndex: b.accountIndex, mint: b.mint, owner: b.owner ?? '', programId: b.programId ?? '',
    uiTokenAmount: { uiAmount: 0, decimals: b.decimals, amount: b.amount.toString(), uiAmountString: b.amount.toString() },
  });
  return {
    filters: [],
    createdAt: new Date(0),
    transaction: {
      slot: slot.toString(),
      transaction: {
        signature,
        isVote: false,
        index: String(tx.txIndex ?? 0),
        transaction: {
          signatures: [signature],
          message: {
            header: { numRequiredSignatures: 1, numReadonlySignedAccounts: 0, numReadonlyUnsignedAccounts: 0 },
            accountKeys: keys.map((key) => bs58.decode(key)),
            recentBlockhash: BLOCKHASH,
            instructions,
            versioned: true,
            addressTableLookups: [],
          },
        },
        meta: {
          err: tx.success ? undefined : { err: errorBincode(tx.err) },
          fee: tx.fee.toString(),
          preBalances: keys.map((_, i) => (tx.preBalances[i] ?? 0n).toString()),
          postBalances: keys.map((_, i) => (tx.postBalances[i] ?? 0n).toString()),
          innerInstructions: inner,
          innerInstructionsNone: false,
          logMessages: tx.logMessages,
          logMessagesNone: false,
          preTokenBalances: tx.preTokenBalances.map(balance),
          postTokenBalances: tx.postTokenBalances.map(balance),
          rewards: [],
          loadedWritableAddresses: [],
          loadedReadonlyAddresses: [],
          returnData: undefined,
          returnDataNone: true,
          computeUnitsConsumed: '0',
        },
      },
    },
  } as unknown as SubscribeUpdate;
}

/** `{ InstructionError: [i, { Custom: n }] }` as Yellowstone's bincode (any other error: instruction 0, custom 0). */
function errorBincode(err: unknown): Uint8Array {
  const pair = (err as { InstructionError?: [number, { Custom?: number } | string] } | null)?.InstructionError;
  const at = Array.isArray(pair) ? pair[0] : 0;
  const custom = Array.isArray(pair) && typeof pair[1] === 'object' ? (pair[1].Custom ?? 0) : 0;
  const bytes = new Uint8Array(13);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 8, true); // TransactionError::InstructionError
  bytes[4] = at;
  view.setUint32(5, 25, true); // InstructionError::Custom
  view.setUint32(9, custom, true);
  return bytes;
}

function blockMetaUpdate(slot: bigint, blockTime: number, transactions: number): SubscribeUpdate {
  return {
    filters: [],
    createdAt: new Date(0),
    blockMeta: {
      slot: slot.toString(),
      blockhash: bs58.encode(BLOCKHASH),
      rewards: undefined,
      blockTime: { timestamp: blockTime.toString() },
      blockHeight: { blockHeight: slot.toString() },
      parentSlot: (slot - 1n).toString(),
      parentBlockhash: bs58.encode(BLOCKHASH),
      executedTransactionCount: transactions.toString(),
      entriesCount: '1',
    },
  } as SubscribeUpdate;
}
