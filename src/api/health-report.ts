/**
 * Builds the /health report from the running parts: stream connection and lag (slots seen vs
 * committed, seconds since the last commit), database reachability and mode, Redis state, queue depth,
 * and the venue mix: trades per venue over the last minutes (launch curves, PumpSwap, Raydium CPMM and
 * AMM v4), with the AMM trades of other pools that were dropped.
 */
import type { DatabaseMode } from '../postgres/database-mode.js';
import { pingDatabase, type Queryable } from '../postgres/pg-pool.js';
import type { RedisSink } from '../redis/types.js';
import type { HealthReport } from './types.js';
import type { VenueMixReport } from './venue-mix.js';
import { classifyHealth } from './health-status.js';

export interface HealthSources {
  pool: Queryable;
  mode: DatabaseMode;
  redis: RedisSink;
  redisEnabled: boolean;
  source: { status(): { connected: boolean; lastSlotSeen: bigint | null } };
  pipeline: { status(): { lastSlotCommitted: bigint | null; lastSlotSeen: bigint | null; lastCommitAt: number | null } };
  queue: { size: number };
  startedAt: number;
  /** The venue mix (api/venue-mix.ts); left out, the report has no `venues`. */
  venues?: { report(): VenueMixReport };
}

export async function buildHealthReport(sources: HealthSources): Promise<HealthReport> {
  const stream = sources.source.status();
  const pipeline = sources.pipeline.status();
  const lastSeen = maxSlot(stream.lastSlotSeen, pipeline.lastSlotSeen);
  const committed = pipeline.lastSlotCommitted;
  const lagSlots = lastSeen !== null && committed !== null ? Number(lastSeen > committed ? lastSeen - committed : 0n) : null;
  const lagSeconds = pipeline.lastCommitAt !== null && sources.queue.size > 0 ? (Date.now() - pipeline.lastCommitAt) / 1000 : pipeline.lastCommitAt !== null ? 0 : null;
  const [databaseUp, redisUp] = await Promise.all([pingDatabase(sources.pool), sources.redisEnabled ? sources.redis.ping() : Promise.resolve(false)]);
  const redisStatus = sources.redis.status();
  const parts: Omit<HealthReport, 'status'> = {
    stream: { connected: stream.connected, lagSlots, lagSeconds, lastSlot: lastSeen?.toString() ?? null },
    database: { reachable: databaseUp, mode: sources.mode },
    redis: { reachable: redisUp, stale: redisStatus.stale, enabled: sources.redisEnabled },
    queueDepth: sources.queue.size,
    uptimeSeconds: Math.round((Date.now() - sources.startedAt) / 1000),
    ...(sources.venues ? { venues: sources.venues.report() } : {}),
  };
  return { status: classifyHealth(parts), ...parts };
}

function maxSlot(a: bigint | null, b: bigint | null): bigint | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
