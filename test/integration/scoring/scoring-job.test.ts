/**
 * The scoring job against a real database and Redis: every active token gets a token_scores row with
 * all columns, and the cache gets token:score (5 min TTL) and tokens:hot ranked by effective score,
 * each with the slot it reflects. Inactive tokens are not scored.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntelligenceJobs } from '../../../src/analytics/jobs/intelligence-jobs.js';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { createRedisSink, type RedisSink } from '../../../src/redis/index.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { generateHistory } from '../../helpers/synthetic-history.js';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:scoring-job:${process.pid}:`;

describe('scoring job', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let redis: Redis;
  let sink: RedisSink;
  const now = new Date();
  const active = generateHistory({ seed: 7, launches: 6, start: new Date(now.getTime() - 20 * 60_000), spacingSeconds: 60, tradingMinutes: 15, until: now });
  const stale = generateHistory({ seed: 8, launches: 2, start: new Date(now.getTime() - 6 * 3_600_000), spacingSeconds: 60, tradingMinutes: 15 });

  beforeAll(async () => {
    database = await createMigratedDatabase('scoring_job');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    for (const launch of [...active, ...stale]) await writeBatch(pool, launch.batch);
    redis = new Redis(REDIS_URL);
    sink = createRedisSink({ url: REDIS_URL, keyPrefix: PREFIX, logger: testLogger(), rebuild: async () => ({ prices: [], hotScores: [], tokenScores: [], activeSignals: [] }) });
    // The sink drops batches while it is not connected (Redis is a cache); wait for it so the keys land.
    for (let i = 0; i < 100 && !sink.status().connected; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.status().connected).toBe(true);
  });

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await sink?.close();
    await pool?.end();
    await database?.drop();
  });

  it('scores every active token once, with every column, and publishes scores and hot ranks', async () => {
    const config = testConfig({ DATABASE_URL: database.url, SCORING_MINT_RPC: 'false' });
    const jobs = createIntelligenceJobs({ pool, config, logger: testLogger(), publish: (batch) => sink.applyCommittedBatch(batch) });
    await jobs.jobs['scoring']!.runNow();
    expect(jobs.jobs['scoring']!.failures).toBe(0);
    const { rows } = await pool.query('select * from token_scores order by token_id');
    const expectedIds = active.filter((l) => l.batch.trades.length > 0).map((l) => l.tokenId).sort();
    expect(rows.map((r) => r.token_id)).toEqual(expectedIds);
    for (const row of rows) {
      expect(row.total_score).toBe(row.technical_score + row.holder_score + row.social_score);
      expect(row.technical_score).toBe(row.liquidity_score + row.trading_score + row.contract_score);
      expect(row.holder_score).toBe(row.distribution_score + row.quality_score + row.activity_score);
      expect(row.social_score).toBe(row.twitter_score + row.community_score + row.virality_score);
      expect(row.contract_score).toBe(80);
      expect(row.has_red_flags).toBe(row.red_flags.length > 0);
      expect(row.score_details).toMatchObject({ scoreVersion: expect.stringMatching(/^v1-/), inputs: { platform: 'pumpfun', mintFacts: { source: 'create_instruction' } } });
      expect(row.ml_model_version).toBeNull();
    }
    const first = rows[0]!;
    const cached = JSON.parse((await redis.get(`${PREFIX}token:score:${first.token_id}`))!);
    const { rows: [token] } = await pool.query('select last_trade_slot from tokens where id = $1', [first.token_id]);
    expect(cached).toEqual({
      technical_score: first.technical_score, holder_score: first.holder_score, social_score: first.social_score, total_score: first.total_score,
      ml_probability: null, last_updated: new Date(first.calculated_at).toISOString(), slot: String(token.last_trade_slot),
    });
    const ttl = await redis.pttl(`${PREFIX}token:score:${first.token_id}`);
    expect(ttl).toBeGreaterThan(290_000);
    const hot = await redis.zrange(`${PREFIX}tokens:hot`, 0, -1, 'WITHSCORES');
    const effective = new Map(rows.map((r) => [r.token_id, r.score_details.effectiveScore]));
    for (let i = 0; i < hot.length; i += 2) expect(Number(hot[i + 1])).toBe(effective.get(hot[i]!));
    expect(hot.length / 2).toBe(rows.length);
  });
});
