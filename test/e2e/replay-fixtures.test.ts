/**
 * The whole process on real mainnet data: `megatron replay` of every fixture transaction and block
 * (../shared/fixtures) into a fresh database and Redis, as a user would run it. Asserts exact rows and
 * keys, then replays again and finds the database unchanged.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenIdOf } from '../../src/pipeline/ids.js';
import { createMigratedDatabase, type TestDatabase } from '../helpers/database.js';
import { snapshotTables } from '../helpers/table-snapshot.js';
import { FIXTURES_DIR, fixturesMissingReason } from '../helpers/fixtures.js';
import { startMegatron } from '../helpers/megatron-process.js';

const skipReason = fixturesMissingReason();
if (skipReason) console.warn(skipReason);

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:e2e-replay:${process.pid}:`;

describe.skipIf(skipReason !== null)('megatron replay of the real fixtures', () => {
  let database: TestDatabase;
  let db: pg.Client;
  let redis: Redis;

  async function replay(): Promise<string> {
    const run = startMegatron(['replay', join(FIXTURES_DIR!, 'transactions'), join(FIXTURES_DIR!, 'blocks')], {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: PREFIX,
    });
    const code = await run.exited;
    expect(code, run.output()).toBe(0);
    return run.output();
  }

  beforeAll(async () => {
    database = await createMigratedDatabase('e2e_replay');
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    redis = new Redis(REDIS_URL);
    await replay();
  }, 180_000);

  afterAll(async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await db?.end();
    await database?.drop();
  });

  it('stores every trade of the fixtures once, failed attempts included', async () => {
    const { rows: [counts] } = await db.query(`
      select (select count(*)::int from transactions) as trades,
             (select count(*)::int from transactions where not success) as failed,
             (select count(*)::int from transactions where success) as ok,
             (select count(distinct signature)::int from transactions) as signatures`);
    // The blocks' and transaction files' trades (a create+buy transaction inside a block is stored once),
    // without the events of Yellowstone JSON files that carry no block time (those go to quarantine), and
    // without the AMM trades of pools no migration of ours created (dropped and counted, never stored): of
    // the PumpSwap trades only the real migration's own buy and 59GXCxvQ's, on the pool it created.
    expect(counts).toEqual({ trades: 126, failed: 4, ok: 122, signatures: 92 });
    const { rows: [orphans] } = await db.query(`
      select count(*)::int as n from transactions t
      where not exists (select 1 from tokens k where k.id = t.token_id) or not exists (select 1 from pools p where p.id = t.pool_id)`);
    expect(orphans.n).toBe(0);
    const { rows: failed } = await db.query(`select left(signature, 8) as sig, error_code from transactions where not success order by signature`);
    expect(failed.filter((f) => f.error_code === 'InstructionError:2:Custom:3012').map((f) => f.sig).sort()).toEqual(['2RGrgv9A', 'mKN4zvi3']);
  });

  it('keeps the create, trade and graduation rows exact', async () => {
    const { rows: [token] } = await db.query(`select symbol, discovery_source, creator_address, is_graduated from tokens where mint_address = 'G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump'`);
    expect(token).toEqual({ symbol: 'ТURTlS', discovery_source: 'create_event', creator_address: 'HcvYEizKBqExpW4uJBnEqDKFtCBUKmuLpExwzcRWdbQE', is_graduated: false });
    const { rows: trades } = await db.query(`select amount_in, amount_out, type, token_id from transactions where signature like 'iurqm3R8LYed%'`);
    expect(trades).toEqual([{ amount_in: '800000147', amount_out: '27870134831168', type: 'buy', token_id: tokenIdOf('G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump') }]);
    const { rows: graduated } = await db.query(`select left(mint_address, 8) as mint, left(graduation_signature, 12) as sig from tokens where is_graduated`);
    expect(graduated).toEqual([{ mint: 'npB9cxTz', sig: '2ffHb9AXeKNV' }]);
    const { rows: [quarantine] } = await db.query(`select count(*)::int as n, min(reason) as reason from quarantine where stage <> 'normalize'`);
    expect(quarantine).toEqual({ n: 3, reason: 'no block time: neither the source nor the event carries one' });
    // blocks/INDEX.generated.json (an index of the captures, no transaction in it) is quarantined, not skipped.
    const { rows: unreadable } = await db.query(`select stage, reason, count::int from quarantine where stage = 'normalize'`);
    expect(unreadable).toEqual([{ stage: 'normalize', count: 1, reason: `${join(FIXTURES_DIR!, 'blocks/INDEX.generated.json')}: not a transaction input: an object with keys "_note", "blocks"; expected an RPC getTransaction or getBlock result (json, jsonParsed, base64, base58, binary), a blockSubscribe or Yellowstone transaction, or a fixture shape of docs/decode-format.md` }]);
  });

  it('writes candles that agree with the trades and the newest price to Redis', async () => {
    const { rows: [check] } = await db.query(`
      select (select sum(trade_count)::int from price_candles_1m) as candle_trades,
             (select count(*)::int from transactions where success and price_quote_per_token is not null) as priced`);
    expect(check.candle_trades).toBe(check.priced);
    const cached = JSON.parse((await redis.get(`${PREFIX}price:current:${tokenIdOf('G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump')}`)) ?? 'null');
    expect(cached).toMatchObject({ slot: '317897944', mint: 'G3TpcmEy28TbzbyjL7TQy5noZbXrFBzJ5Vw5PqhTpump' });
  });

  it('a second replay changes nothing', async () => {
    const before = await snapshotTables(db);
    await replay();
    expect(await snapshotTables(db)).toEqual(before);
  }, 120_000);
});
