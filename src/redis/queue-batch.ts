/**
 * Turns a batch (or a chunk of a rebuild snapshot) into Redis commands: its keyed values as one ioredis
 * pipeline (one EVALSHA per keyed value, one EVALSHA for all hot-set members), and its announcements as
 * PUBLISH messages, which the sink sends once the keys are written (so a subscriber that reads on a
 * message sees the new value).
 */
import type { ChainableCommander } from 'ioredis';
import {
  ACTIVE_SIGNAL_TTL_MS,
  HOT_SET_TTL_MS,
  PRICE_TTL_MS,
  TOKEN_SCORE_TTL_MS,
  type KeyNames,
} from './keys.js';
import {
  serializeActiveSignal,
  serializeCacheEvent,
  serializePrice,
  serializeTokenScore,
} from './serialize.js';
import type { HotScoreUpdate, RedisBatch } from '../contracts/cache-batch.js';

/** Position arguments for entries ordered by slot only (scores, signals). */
const NO_INDEX = -1;

/** Queues the keyed writes of `batch` on `pipeline`; returns the number of commands queued. */
export function queueKeyWrites(pipeline: ChainableCommander, keys: KeyNames, batch: RedisBatch): number {
  let queued = 0;
  for (const p of batch.prices ?? []) {
    const txIndex = p.txIndex ?? NO_INDEX;
    pipeline.megatronSetIfNewer(
      keys.price(p.tokenId), serializePrice(p), PRICE_TTL_MS, p.slot.toString(), txIndex, p.eventIndex,
    );
    queued += 1;
  }
  for (const s of batch.tokenScores ?? []) {
    pipeline.megatronSetIfNewer(
      keys.tokenScore(s.tokenId), serializeTokenScore(s), TOKEN_SCORE_TTL_MS, s.slot.toString(),
      NO_INDEX, NO_INDEX,
    );
    queued += 1;
  }
  for (const s of batch.activeSignals ?? []) {
    pipeline.megatronSetIfNewer(
      keys.activeSignal(s.tokenId), serializeActiveSignal(s), ACTIVE_SIGNAL_TTL_MS, s.slot.toString(),
      NO_INDEX, NO_INDEX,
    );
    queued += 1;
  }
  queued += queueHotScores(pipeline, keys, batch.hotScores ?? []);
  return queued;
}

/**
 * The batch's announcements as PUBLISH payloads, in order. Buffers, sent as commands of their own and not
 * on the pipeline: ioredis joins a pipeline's commands into one string (or, with a Buffer argument, one
 * Buffer) as large as the whole batch — megabytes for a busy batch's trades, allocated fresh, flattened
 * and copied again on every batch. Measured with the trades' COPY chunks (trades-repository.ts): page
 * faults per 100,000 trades ~86,000 -> ~14,000, at ~12 µs each on this VM.
 */
export function announcements(batch: RedisBatch): Buffer[] {
  return (batch.events ?? []).map((e) => Buffer.from(serializeCacheEvent(e)));
}

function queueHotScores(
  pipeline: ChainableCommander,
  keys: KeyNames,
  hotScores: HotScoreUpdate[],
): number {
  const args: (string | number)[] = [];
  for (const h of hotScores) {
    // ZADD refuses NaN/Infinity; a score that is not a number is the scorer's bug, not the cache's.
    if (!Number.isFinite(h.score)) continue;
    args.push(h.tokenId, h.score, h.slot.toString());
  }
  if (args.length === 0) return 0;
  pipeline.megatronZaddIfNewer(keys.hotSet, keys.hotSetSlots, HOT_SET_TTL_MS, ...args);
  return 1;
}

/** Splits a snapshot into batches of at most `maxUpdates` keyed updates each (bounded pipelines). */
export function splitSnapshot(batch: RedisBatch, maxUpdates: number): RedisBatch[] {
  const chunks: RedisBatch[] = [];
  const lists = ['prices', 'tokenScores', 'activeSignals', 'hotScores'] as const;
  for (const name of lists) {
    const items = batch[name] ?? [];
    for (let i = 0; i < items.length; i += maxUpdates) {
      chunks.push({ [name]: items.slice(i, i + maxUpdates) });
    }
  }
  return chunks;
}
