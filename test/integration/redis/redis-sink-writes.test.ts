/**
 * The sink against the real Redis: newer slot wins for every key kind, TTLs as the seed specifies, the
 * JSON written, and announcements on pub/sub.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createRedisSink, type RedisSink } from '../../../src/redis/index.js';
import { createMetrics } from '../../../src/shared/metrics.js';
import {
  REDIS_URL, deleteKeysWithPrefix, makePrice, readJson, silentLogger, waitFor,
} from '../../helpers/redis-test-helpers.js';

const PREFIX = `test:redis-sink-writes:${process.pid}:`;
const CHANNEL = `${PREFIX}events`;

describe('redis sink writes', () => {
  let direct: Redis;
  let sink: RedisSink;

  beforeAll(async () => {
    direct = new Redis(REDIS_URL);
    await deleteKeysWithPrefix(direct, PREFIX);
    sink = createRedisSink({
      url: REDIS_URL, keyPrefix: PREFIX, channel: CHANNEL, logger: silentLogger,
      metrics: createMetrics({ collectProcessMetrics: false }),
      rebuild: async () => ({ prices: [], hotScores: [], tokenScores: [], activeSignals: [] }),
    });
    await waitFor(() => sink.status().connected, 5_000);
  });

  afterAll(async () => {
    await sink.close();
    await deleteKeysWithPrefix(direct, PREFIX);
    direct.disconnect();
  });

  it('writes the price JSON with its position and a 30 s TTL', async () => {
    await sink.applyCommittedBatch({ prices: [makePrice('t1')] });
    expect(await readJson(direct, `${PREFIX}price:current:t1`)).toEqual({
      price: '0.000000028123456789', volume_1h: '12.5', change_1h: 4.25,
      last_trade: '2025-01-27T17:46:40.000Z', block_time: 1_738_000_000, mint: 'mint-t1',
      slot: '100', tx_index: 3, event_index: 1,
    });
    const pttl = await direct.pttl(`${PREFIX}price:current:t1`);
    expect(pttl).toBeGreaterThan(28_000);
    expect(pttl).toBeLessThanOrEqual(30_000);
  });

  it('never lets an older position overwrite a newer price', async () => {
    const key = `${PREFIX}price:current:t2`;
    const priceAt = async () => ((await readJson(direct, key)) as { price: string }).price;
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, price: '2' })] });
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 199n, price: '1.99' })] });
    expect(await priceAt()).toBe('2');
    // same slot: a later transaction wins, an earlier one does not
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, txIndex: 4, price: '2.1' })] });
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, txIndex: 2, price: '1.9' })] });
    expect(await priceAt()).toBe('2.1');
    // same transaction: a higher event index wins, a lower one does not
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, txIndex: 4, eventIndex: 2, price: '2.2' })] });
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, txIndex: 4, eventIndex: 0, price: '2.0' })] });
    expect(await priceAt()).toBe('2.2');
    // an unknown tx index sorts before every known one in the same slot
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 200n, txIndex: null, eventIndex: 9, price: '0' })] });
    expect(await priceAt()).toBe('2.2');
    await sink.applyCommittedBatch({ prices: [makePrice('t2', { slot: 201n, txIndex: null, eventIndex: 0, price: '3' })] });
    expect(await priceAt()).toBe('3');
  });

  it('compares slots beyond 2^53 exactly and takes the newest within one batch', async () => {
    const big = 2n ** 60n;
    await sink.applyCommittedBatch({
      prices: [
        makePrice('t3', { slot: big + 1n, price: 'newer' }),
        makePrice('t3', { slot: big, price: 'older' }),
        makePrice('t4', { slot: 9n, price: 'nine' }),
        makePrice('t4', { slot: 10n, price: 'ten' }),
      ],
    });
    expect(await readJson(direct, `${PREFIX}price:current:t3`)).toMatchObject({ price: 'newer', slot: (big + 1n).toString() });
    expect(await readJson(direct, `${PREFIX}price:current:t4`)).toMatchObject({ price: 'ten', slot: '10' });
  });

  it('keeps the newest hot score per token and refreshes the 1 min TTL', async () => {
    await sink.applyCommittedBatch({
      hotScores: [{ tokenId: 'a', score: 10, slot: 50n }, { tokenId: 'b', score: 20, slot: 50n }],
    });
    await sink.applyCommittedBatch({
      hotScores: [{ tokenId: 'a', score: 99, slot: 49n }, { tokenId: 'b', score: 30, slot: 51n }],
    });
    expect(await direct.zrange(`${PREFIX}tokens:hot`, 0, -1, 'WITHSCORES')).toEqual(['a', '10', 'b', '30']);
    for (const key of [`${PREFIX}tokens:hot`, `${PREFIX}tokens:hot:slot`]) {
      const pttl = await direct.pttl(key);
      expect(pttl).toBeGreaterThan(58_000);
      expect(pttl).toBeLessThanOrEqual(60_000);
    }
  });

  it('writes token scores (5 min) and active signals (1 h), newer slot wins', async () => {
    const score = {
      tokenId: 's1', slot: 300n, technicalScore: 250, holderScore: 275, socialScore: 190,
      totalScore: 715, mlProbability: 0.8234, calculatedAt: '2025-01-29T10:30:00.000Z',
    };
    const signal = {
      tokenId: 's1', slot: 300n, signalType: 'buy', price: '0.00001234', score: 750,
      timestamp: '2025-01-29T10:30:00.000Z', signalId: '42',
    };
    await sink.applyCommittedBatch({ tokenScores: [score], activeSignals: [signal] });
    await sink.applyCommittedBatch({
      tokenScores: [{ ...score, slot: 299n, totalScore: 1 }],
      activeSignals: [{ ...signal, slot: 299n, signalType: 'sell' }],
    });
    expect(await readJson(direct, `${PREFIX}token:score:s1`)).toEqual({
      technical_score: 250, holder_score: 275, social_score: 190, total_score: 715,
      ml_probability: 0.8234, last_updated: '2025-01-29T10:30:00.000Z', slot: '300',
    });
    expect(await readJson(direct, `${PREFIX}signal:active:s1`)).toEqual({
      signal_type: 'buy', price: '0.00001234', score: 750, timestamp: '2025-01-29T10:30:00.000Z',
      signal_id: '42', slot: '300',
    });
    const scoreTtl = await direct.pttl(`${PREFIX}token:score:s1`);
    expect(scoreTtl).toBeGreaterThan(298_000);
    expect(scoreTtl).toBeLessThanOrEqual(300_000);
    const signalTtl = await direct.pttl(`${PREFIX}signal:active:s1`);
    expect(signalTtl).toBeGreaterThan(3_598_000);
    expect(signalTtl).toBeLessThanOrEqual(3_600_000);
  });

  it('publishes announcements as {type, slot, ...payload} in order', async () => {
    const subscriber = new Redis(REDIS_URL);
    const received: unknown[] = [];
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === CHANNEL) received.push(JSON.parse(message));
    });
    await subscriber.subscribe(CHANNEL);
    await sink.applyCommittedBatch({
      prices: [makePrice('p1', { slot: 400n })],
      events: [
        { type: 'new_token', slot: 400n, payload: { mint: 'M1', symbol: 'AAA' } },
        { type: 'trade', slot: 400n, payload: { mint: 'M1', solAmount: 123456789012345678n, slot: 'ignored' } },
        { type: 'graduation', slot: 401n, payload: { mint: 'M1' } },
        { type: 'signal', slot: 401n, payload: { mint: 'M1', signalType: 'buy' } },
      ],
    });
    await waitFor(() => received.length === 4, 3_000);
    expect(received).toEqual([
      { type: 'new_token', slot: '400', mint: 'M1', symbol: 'AAA' },
      { type: 'trade', slot: '400', mint: 'M1', solAmount: '123456789012345678' },
      { type: 'graduation', slot: '401', mint: 'M1' },
      { type: 'signal', slot: '401', mint: 'M1', signalType: 'buy' },
    ]);
    subscriber.disconnect();
  });

  it('rebuilds on the first connection when asked, in chunks of the configured size', async () => {
    const prices = Array.from({ length: 5 }, (_, i) => makePrice(`fc${i}`, { slot: 700n, price: `${i}` }));
    const firstConnect = createRedisSink({
      url: REDIS_URL, keyPrefix: PREFIX, channel: CHANNEL, logger: silentLogger,
      rebuildOnFirstConnect: true, snapshotChunkUpdates: 2,
      rebuild: async () => ({ prices, hotScores: [], tokenScores: [], activeSignals: [] }),
    });
    try {
      await waitFor(() => firstConnect.status().rebuilds === 1, 5_000);
      expect(firstConnect.status()).toEqual({ connected: true, stale: false, lastError: null, rebuilds: 1 });
      const written = await direct.mget(prices.map((p) => `${PREFIX}price:current:${p.tokenId}`));
      expect(written.map((t) => (JSON.parse(t ?? 'null') as { price: string } | null)?.price)).toEqual(['0', '1', '2', '3', '4']);
    } finally {
      await firstConnect.close();
    }
  });

  it('answers ping and reports a healthy status', async () => {
    expect(await sink.ping()).toBe(true);
    expect(sink.status()).toEqual({ connected: true, stale: false, lastError: null, rebuilds: 0 });
  });
});
