/**
 * Fills a slot range from Solana RPC, for gaps the stream could not replay.
 *
 * Strategy `signatures` (default): for each program, page getSignaturesForAddress backwards from the
 * newest signature (`before` = last of the previous page) until the pages are older than the range,
 * keep the signatures inside it, then getTransaction each (json, maxSupportedTransactionVersion 1).
 * Strategy `blocks`: getBlock for every slot of the range, keeping transactions that touch a program
 * (skipped slots are normal). Version 1 because Transaction V1 is on mainnet: a node asked with 0 answers
 * -32015 for a V1 transaction, and for a whole block that holds one. Both hand normalised transactions to `onTransaction` in slot order, the
 * same items the live stream enqueues; slot items are not emitted (the live stream owns checkpoints).
 */
import { PublicKey } from '@solana/web3.js';
import { normalizeRpcBlock, normalizeRpcTransaction } from './normalize/from-rpc.js';
import type { NormalizeResult } from '../contracts/chain-transaction.js';
import type { RateLimiter } from '../rpc/rate-limiter.js';
import { createRpcClient, RpcError, type RpcClient } from '../rpc/rpc-client.js';
import { transactionItem, type StreamItem } from '../contracts/stream-item.js';
import { listLaunchpadProgramIds } from './subscribe-request.js';

export type BackfillStrategy = 'signatures' | 'blocks';

export interface BackfillOptions {
  rpcUrl: string;
  /** First slot to fill (inclusive). */
  fromSlot: bigint;
  /** Last slot to fill (inclusive). */
  toSlot: bigint;
  onTransaction: (item: Extract<StreamItem, { kind: 'transaction' | 'quarantine' }>) => Promise<void>;
  programs?: readonly string[];
  strategy?: BackfillStrategy;
  requestsPerSecond?: number;
  limiter?: RateLimiter;
  fetchImpl?: typeof fetch;
  /** getTransaction calls in flight at once (default 4); delivery order stays slot order. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface BackfillResult {
  fromSlot: bigint;
  toSlot: bigint;
  strategy: BackfillStrategy;
  signaturesFound: number;
  transactions: number;
  quarantined: number;
  /** Signatures listed but not returned by getTransaction (the range is then incomplete). */
  missing: string[];
  /** Slots getBlock reported as skipped or unavailable. */
  skippedSlots: number;
  rateLimited: number;
}

const SIGNATURE_PAGE_LIMIT = 1_000;
/** The newest transaction version we read (legacy, v0 and V1, SIMD-0385). */
export const MAX_SUPPORTED_TRANSACTION_VERSION = 1;
/** getBlock errors meaning "no block at this slot" (skipped, or not in long-term storage). */
const SKIPPED_SLOT_CODES = new Set([-32007, -32009]);

/** Runs one backfill over [fromSlot, toSlot]. */
export async function runBackfill(options: BackfillOptions): Promise<BackfillResult> {
  if (options.toSlot < options.fromSlot) throw new RangeError(`backfill: toSlot ${options.toSlot} < fromSlot ${options.fromSlot}`);
  const client = createRpcClient({ rpcUrl: options.rpcUrl, requestsPerSecond: options.requestsPerSecond ?? 10, limiter: options.limiter, fetchImpl: options.fetchImpl });
  const strategy = options.strategy ?? 'signatures';
  const result: BackfillResult = {
    fromSlot: options.fromSlot, toSlot: options.toSlot, strategy, signaturesFound: 0, transactions: 0, quarantined: 0, missing: [], skippedSlots: 0, rateLimited: 0,
  };
  const deliver = async (normalized: NormalizeResult): Promise<void> => {
    if (normalized.ok) {
      result.transactions += 1;
      await options.onTransaction(transactionItem(normalized.tx));
    } else {
      result.quarantined += 1;
      await options.onTransaction({ kind: 'quarantine', record: normalized.quarantine });
    }
  };
  if (strategy === 'blocks') await backfillByBlocks(client, options, result, deliver);
  else await backfillBySignatures(client, options, result, deliver);
  result.rateLimited = client.rateLimited;
  return result;
}

interface ListedSignature {
  signature: string;
  slot: bigint;
  blockTime: number | null;
}

/** Every signature of `program` inside the range, newest page first. */
async function listSignaturesInRange(client: RpcClient, program: string, options: BackfillOptions): Promise<ListedSignature[]> {
  const found: ListedSignature[] = [];
  let before: string | undefined;
  for (;;) {
    if (options.signal?.aborted) return found;
    const page = await client.connection.getSignaturesForAddress(new PublicKey(program), { before, limit: SIGNATURE_PAGE_LIMIT }, 'confirmed');
    for (const entry of page) {
      const slot = BigInt(entry.slot);
      if (slot >= options.fromSlot && slot <= options.toSlot) found.push({ signature: entry.signature, slot, blockTime: entry.blockTime ?? null });
    }
    const last = page[page.length - 1];
    if (!last || page.length < SIGNATURE_PAGE_LIMIT || BigInt(last.slot) < options.fromSlot) return found;
    before = last.signature;
  }
}

async function backfillBySignatures(client: RpcClient, options: BackfillOptions, result: BackfillResult, deliver: (n: NormalizeResult) => Promise<void>): Promise<void> {
  const unique = new Map<string, ListedSignature>();
  for (const program of options.programs ?? listLaunchpadProgramIds()) {
    for (const entry of await listSignaturesInRange(client, program, options)) unique.set(entry.signature, entry);
  }
  // Oldest first. Within a slot the RPC lists newest first, so reverse the listing order there too.
  const ordered = [...unique.values()].reverse().sort((a, b) => (a.slot === b.slot ? 0 : a.slot < b.slot ? -1 : 1));
  result.signaturesFound = ordered.length;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  for (let start = 0; start < ordered.length && !options.signal?.aborted; start += concurrency) {
    const chunk = ordered.slice(start, start + concurrency);
    const fetched = await Promise.all(chunk.map((entry) => client.callRaw('getTransaction', [entry.signature, { encoding: 'json', maxSupportedTransactionVersion: MAX_SUPPORTED_TRANSACTION_VERSION, commitment: 'confirmed' }])));
    for (const [i, raw] of fetched.entries()) {
      const entry = chunk[i] as ListedSignature;
      if (raw === null) {
        result.missing.push(entry.signature);
        continue;
      }
      await deliver(normalizeRpcTransaction(raw, { slot: entry.slot, blockTime: entry.blockTime, signature: entry.signature }));
    }
  }
}

async function backfillByBlocks(client: RpcClient, options: BackfillOptions, result: BackfillResult, deliver: (n: NormalizeResult) => Promise<void>): Promise<void> {
  const programs = new Set(options.programs ?? listLaunchpadProgramIds());
  for (let slot = options.fromSlot; slot <= options.toSlot && !options.signal?.aborted; slot += 1n) {
    let block: unknown;
    try {
      block = await client.callRaw('getBlock', [Number(slot), { encoding: 'json', maxSupportedTransactionVersion: MAX_SUPPORTED_TRANSACTION_VERSION, transactionDetails: 'full', rewards: false, commitment: 'confirmed' }]);
    } catch (error) {
      if (error instanceof RpcError && SKIPPED_SLOT_CODES.has(error.code)) {
        result.skippedSlots += 1;
        continue;
      }
      throw error;
    }
    for (const normalized of normalizeRpcBlock(block, slot)) {
      if (normalized.ok && !normalized.tx.accountKeys.some((key) => programs.has(key))) continue;
      result.signaturesFound += 1;
      await deliver(normalized);
    }
  }
}
