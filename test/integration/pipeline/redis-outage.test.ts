/**
 * Redis stopped mid-run: the whole app ingests a paced synthetic market while its private Redis is
 * killed; trades keep committing at the same pace, and when Redis returns the cache is rebuilt from
 * PostgreSQL (prices of the tokens traded during the outage are there again).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/app.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { testConfig, testLogger } from '../../helpers/app-config.js';
import { marketSource, prepareMarket } from '../../helpers/market-source.js';
import { findFreePort, killRedisServer, startRedisServer, waitFor } from '../../helpers/redis-test-helpers.js';

const RATE = 500;
const SECONDS = 12;

describe('Redis outage during ingestion', () => {
  let database: TestDatabase;
  let app: App | null = null;
  let port: number;

  beforeAll(async () => {
    database = await createMigratedDatabase('redis_outage');
    port = await findFreePort();
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('keeps committing while Redis is down and rebuilds the cache when it returns', async () => {
    let redisServer = await startRedisServer(port);
    const url = `redis://127.0.0.1:${port}`;
    // Block times start now: the rebuild reads what traded in the last minutes.
    const slots = prepareMarket(5, RATE * SECONDS, 360_000_000n, RATE, Math.floor(Date.now() / 1000));
    const config = testConfig({ DATABASE_URL: database.url, REDIS_URL: url, REDIS_KEY_PREFIX: 'outage:' });
    app = await startApp({ config, logger: testLogger('error'), databaseUrl: database.url, createSource: marketSource(slots, RATE), http: false, jobs: false });
    const running = app;
    await waitFor(() => running.pipeline.status().tradesCommitted > RATE, 10_000);
    await waitFor(() => running.redis.status().connected, 5_000);

    await killRedisServer(redisServer);
    const atKill = running.pipeline.status().tradesCommitted;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const duringOutage = running.pipeline.status().tradesCommitted - atKill;
    // About 3 s of trades at RATE committed with Redis gone (allow for scheduling noise).
    expect(duringOutage).toBeGreaterThan(RATE * 2);
    expect(running.redis.status()).toMatchObject({ connected: false, stale: true });

    redisServer = await startRedisServer(port);
    await waitFor(() => running.redis.status().rebuilds >= 1 && !running.redis.status().stale, 15_000);
    const client = new Redis(url);
    try {
      const prices = await client.keys('outage:price:current:*');
      expect(prices.length).toBeGreaterThan(0);
      const hot = await client.zcard('outage:tokens:hot');
      expect(hot).toBeGreaterThan(0);
    } finally {
      client.disconnect();
    }
    await running.done;
    const total = slots.reduce((sum, slot) => sum + slot.trades, 0);
    expect(running.pipeline.status().tradesCommitted).toBe(total);
    await running.stop();
    app = null;
    await killRedisServer(redisServer);
  }, 120_000);
});
