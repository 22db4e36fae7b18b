/**
 * Redis down slows nothing and loses nothing: with a private redis-server killed mid-run, batches return
 * at once without throwing and the sink turns stale; when the server is back on the same port the sink
 * writes the rebuild snapshot (newer slot still wins) and is fresh again.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRedisSink, type RedisSink } from '../../../src/redis/index.js';
import { type RebuildSnapshot } from '../../../src/contracts/cache-batch.js';
import { createMetrics } from '../../../src/shared/metrics.js';
import {
  findFreePort, killRedisServer, makePrice, readJson, silentLogger, startRedisServer, waitFor,
} from '../../helpers/redis-test-helpers.js';

const PREFIX = 'test:redis-sink-outage:';
const MAX_BATCH_WHILE_DOWN_MS = 1_000;

const SNAPSHOT: RebuildSnapshot = {
  prices: [makePrice('o1', { slot: 150n, price: '1.5' }), makePrice('o2', { slot: 150n, price: 'snapshot' })],
  hotScores: [{ tokenId: 'o1', score: 7, slot: 150n }],
  tokenScores: [{
    tokenId: 'o1', slot: 150n, technicalScore: 1, holderScore: 2, socialScore: 3, totalScore: 6,
    mlProbability: null, calculatedAt: '2025-01-29T10:30:00.000Z',
  }],
  activeSignals: [{
    tokenId: 'o1', slot: 150n, signalType: 'buy', price: '1.5', score: 700, timestamp: '2025-01-29T10:30:00.000Z',
  }],
};

describe('redis sink during an outage', () => {
  let port: number;
  let server: ChildProcess;
  let sink: RedisSink;
  let direct: Redis;
  let rebuildCalls = 0;
  const metrics = createMetrics({ collectProcessMetrics: false });

  beforeAll(async () => {
    port = await findFreePort();
    server = await startRedisServer(port);
    direct = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 100, maxRetriesPerRequest: 3 });
    direct.on('error', () => undefined); // the test kills the server on purpose
    sink = createRedisSink({
      url: `redis://127.0.0.1:${port}`, keyPrefix: PREFIX, logger: silentLogger, metrics,
      reconnectMaxDelayMs: 200, commandTimeoutMs: 300, batchTimeoutMs: 500,
      rebuild: async () => {
        rebuildCalls += 1;
        // a live batch committed while the snapshot was read: its newer price must survive the snapshot
        await direct.set(`${PREFIX}price:current:o2`, JSON.stringify({ price: 'live', slot: '160', tx_index: 0, event_index: 0 }));
        return SNAPSHOT;
      },
    });
    await waitFor(() => sink.status().connected, 5_000);
  });

  afterAll(async () => {
    await sink.close();
    direct.disconnect();
    await killRedisServer(server);
  });

  it('drops batches quickly while Redis is down and rebuilds once it is back', async () => {
    await sink.applyCommittedBatch({ prices: [makePrice('o1', { slot: 100n, price: '1.0' })] });
    expect(await readJson(direct, `${PREFIX}price:current:o1`)).toMatchObject({ price: '1.0', slot: '100' });

    // kill while a large batch is in flight: it must settle quickly too
    const inFlightStarted = performance.now();
    const inFlight = sink.applyCommittedBatch({
      prices: Array.from({ length: 2_000 }, (_, i) => makePrice(`f${i}`, { slot: 100n })),
    });
    await killRedisServer(server);
    await inFlight;
    const inFlightMs = performance.now() - inFlightStarted;
    console.log(`batch in flight while the server was killed settled in ${inFlightMs.toFixed(1)} ms`);
    expect(inFlightMs).toBeLessThan(MAX_BATCH_WHILE_DOWN_MS);

    const started = performance.now();
    for (let slot = 101n; slot <= 110n; slot += 1n) {
      await sink.applyCommittedBatch({ prices: [makePrice('o1', { slot, price: `${slot}` })] });
    }
    const elapsedMs = performance.now() - started;
    console.log(`10 batches with Redis down: ${elapsedMs.toFixed(1)} ms`);
    expect(elapsedMs).toBeLessThan(MAX_BATCH_WHILE_DOWN_MS);
    expect(sink.status()).toMatchObject({ connected: false, stale: true, rebuilds: 0 });
    expect(await sink.ping()).toBe(false);
    expect(rebuildCalls).toBe(0);

    server = await startRedisServer(port); // empty: no persistence
    await waitFor(() => sink.status().rebuilds === 1, 10_000);
    expect(sink.status()).toMatchObject({ connected: true, stale: false, rebuilds: 1 });
    expect(rebuildCalls).toBe(1);
    expect(await readJson(direct, `${PREFIX}price:current:o1`)).toMatchObject({ price: '1.5', slot: '150' });
    expect(await readJson(direct, `${PREFIX}price:current:o2`)).toMatchObject({ price: 'live', slot: '160' });
    expect(await direct.zrange(`${PREFIX}tokens:hot`, 0, -1, 'WITHSCORES')).toEqual(['o1', '7']);
    expect(await readJson(direct, `${PREFIX}token:score:o1`)).toMatchObject({ total_score: 6, slot: '150' });
    expect(await readJson(direct, `${PREFIX}signal:active:o1`)).toMatchObject({ signal_type: 'buy', slot: '150' });
    expect(await direct.pttl(`${PREFIX}signal:active:o1`)).toBeGreaterThan(3_590_000);

    const text = await metrics.registry.metrics();
    // 10, or 11 when the in-flight batch had not finished when the socket closed
    expect(text).toMatch(/megatron_redis_batches_dropped_total 1[01]\n/);
    expect(text).toContain('megatron_redis_rebuilds_total 1');
    expect(text).toContain('megatron_redis_connected 1');

    await sink.applyCommittedBatch({ prices: [makePrice('o1', { slot: 200n, price: '2.0' })] });
    expect(await readJson(direct, `${PREFIX}price:current:o1`)).toMatchObject({ price: '2.0', slot: '200' });
  });
});

describe('redis sink pointed at a port where nothing listens', () => {
  it('never throws, answers within the timeout and reports stale', async () => {
    const port = await findFreePort();
    const sink = createRedisSink({
      url: `redis://127.0.0.1:${port}`, keyPrefix: PREFIX, logger: silentLogger,
      rebuild: async () => SNAPSHOT,
    });
    const started = performance.now();
    await sink.applyCommittedBatch({ prices: [makePrice('n1')], events: [{ type: 'trade', slot: 1n, payload: {} }] });
    const elapsedMs = performance.now() - started;
    expect(elapsedMs).toBeLessThan(MAX_BATCH_WHILE_DOWN_MS);
    expect(await sink.ping()).toBe(false);
    expect(sink.status()).toMatchObject({ connected: false, stale: true, rebuilds: 0 });
    expect(sink.status().lastError).not.toBeNull();
    await sink.close();
  });
});

describe('redis sink whose rebuild fails first', () => {
  it('stays stale with the error, retries, and clears stale once a rebuild succeeds', async () => {
    const port = await findFreePort();
    let server = await startRedisServer(port);
    let attempts = 0;
    const sink = createRedisSink({
      url: `redis://127.0.0.1:${port}`, keyPrefix: PREFIX, logger: silentLogger,
      reconnectMaxDelayMs: 200, commandTimeoutMs: 300, batchTimeoutMs: 500, rebuildRetryMs: 1_000,
      rebuild: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('postgres unreachable');
        return SNAPSHOT;
      },
    });
    try {
      await waitFor(() => sink.status().connected, 5_000);
      await killRedisServer(server);
      await sink.applyCommittedBatch({ prices: [makePrice('r1', { slot: 5n })] });
      server = await startRedisServer(port);
      await waitFor(() => attempts === 1 && sink.status().connected, 5_000);
      await waitFor(() => sink.status().lastError === 'postgres unreachable', 2_000);
      expect(sink.status()).toMatchObject({ connected: true, stale: true, rebuilds: 0 });
      await waitFor(() => sink.status().rebuilds === 1, 5_000);
      expect(sink.status()).toMatchObject({ connected: true, stale: false, rebuilds: 1 });
      expect(attempts).toBe(2);
    } finally {
      await sink.close();
      await killRedisServer(server);
    }
  });
});
