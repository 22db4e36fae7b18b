/**
 * Decides the overall health from its parts, so every caller classifies the same way. Pure.
 *
 * - `down`: the database is unreachable (nothing can be committed; a load balancer should stop routing).
 * - `degraded`: still committing, but the stream is disconnected or lags more than `maxLagSlots`, or
 *   Redis is enabled and unreachable or stale (the cache is behind PostgreSQL until the rebuild).
 * - `ok`: otherwise.
 */
import type { HealthReport, HealthStatus } from './types.js';

/** Beyond this many slots behind (~60 s at 400 ms per slot) the ingest counts as degraded. */
export const DEFAULT_MAX_LAG_SLOTS = 150;

/** Classifies a report's parts into `ok`, `degraded` or `down`. */
export function classifyHealth(
  parts: Omit<HealthReport, 'status'>,
  maxLagSlots: number = DEFAULT_MAX_LAG_SLOTS,
): HealthStatus {
  if (!parts.database.reachable) return 'down';
  if (!parts.stream.connected) return 'degraded';
  if (parts.stream.lagSlots !== null && parts.stream.lagSlots > maxLagSlots) return 'degraded';
  if (parts.redis.enabled && (!parts.redis.reachable || parts.redis.stale)) return 'degraded';
  return 'ok';
}
