/**
 * Rows that the schema must accept and rows it must reject, run against any migrated database (the real
 * PostgreSQL, or PGlite with TimescaleDB). Leaves sample candles behind for the roll-up assertions.
 */
import { expect } from 'vitest';

/** The part of a pg-like client the checks use. */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export const TOKEN_ID = '00000000-0000-5000-8000-000000000001';
export const CURVE_ID = '00000000-0000-5000-8000-000000000002';
const AMM_ID = '00000000-0000-5000-8000-000000000003';
const WSOL = 'So11111111111111111111111111111111111111112';
const SIGNATURE = '5'.repeat(88);

/** Expects `query` to fail with SQLSTATE `code` (23514 check, 23505 unique, 23502 not null, 23P01 exclusion). */
async function expectSqlState(query: Promise<unknown>, code: string): Promise<void> {
  await expect(query).rejects.toMatchObject({ code });
}

async function checkTokensAndPools(db: SqlClient): Promise<void> {
  await db.query(
    `insert into tokens (id, mint_address, symbol, name, platform, discovery_source, quote_mint)
     values ($1, 'Mint1111111111111111111111111111111111pump', $2, 'A name longer than the seed allowed', 'pumpfun', 'trade', $3)`,
    [TOKEN_ID, 'SYMBOL-LONGER-THAN-TEN-CHARACTERS', WSOL],
  );
  await expectSqlState(db.query(`insert into tokens (mint_address, platform, discovery_source) values ('m2', 'raydium', 'trade')`), '23514');
  await expectSqlState(db.query(`insert into tokens (mint_address, platform, discovery_source) values ('m3', 'pumpfun', 'gossip')`), '23514');
  await expectSqlState(db.query(`insert into tokens (mint_address, platform, discovery_source) values ('m4', 'pumpfun', 'create_event')`), '23514');
  await expectSqlState(db.query(`insert into tokens (mint_address, platform, discovery_source) values ('Mint1111111111111111111111111111111111pump', 'pumpfun', 'rpc')`), '23505');

  const pool = `insert into pools (id, pool_address, token_id, base_mint, quote_mint, platform, pool_type, program_id, bonding_curve_progress, status, migrated_to_pool_id)
                values (coalesce($1::uuid, gen_random_uuid()), $2, $3, 'base', $4, $5, $6, 'program', $7, $8, $9)`;
  await db.query(pool, [AMM_ID, 'amm-pool', TOKEN_ID, WSOL, 'pumpswap', 'amm', null, 'active', null]);
  await db.query(pool, [CURVE_ID, 'curve', TOKEN_ID, WSOL, 'pumpfun', 'bonding_curve', '100.00', 'migrated', AMM_ID]);
  await expectSqlState(db.query(pool, [null, 'p3', TOKEN_ID, WSOL, 'orca', 'amm', null, 'active', null]), '23514');
  await expectSqlState(db.query(pool, [null, 'p4', TOKEN_ID, WSOL, 'raydium_cpmm', 'amm', '100.5', 'active', null]), '23514');
  await expectSqlState(db.query(pool, [null, 'p5', TOKEN_ID, WSOL, 'raydium_cpmm', 'orderbook', null, 'active', null]), '23514');
  await expectSqlState(db.query(pool, [null, 'p6', TOKEN_ID, WSOL, 'raydium_amm_v4', 'amm', null, 'closed', null]), '23514');
}

const TRADE_SQL = `insert into transactions (signature, ix_index, inner_ix_index, block_time, slot, tx_index, pool_id, token_id,
    type, user_address, quote_mint, amount_in, amount_in_decimals, amount_out, amount_out_decimals, price_per_token, success)
  values ($1, $2, $3, '2026-01-05T10:00:01Z', 400000000, 7, $4, $5, $6, 'user', $7, 1000000000, 9, 35000000000000, 6, '0.0000285714285714285714', $8)`;

async function checkTrades(db: SqlClient): Promise<void> {
  const trade = (ix: number, inner: number | null, type: string, success = true) =>
    db.query(TRADE_SQL, [SIGNATURE, ix, inner, CURVE_ID, TOKEN_ID, type, WSOL, success]);
  await trade(0, -1, 'buy');
  await trade(0, 3, 'buy');
  await trade(1, 3, 'sell', false);
  await expectSqlState(trade(0, 3, 'buy'), '23505');
  await expectSqlState(trade(2, null, 'buy'), '23502');
  await expectSqlState(trade(2, -2, 'buy'), '23514');
  await expectSqlState(trade(3, -1, 'swap'), '23514');
  const { rows } = await db.query(
    `select ix_index, inner_ix_index, type, success, price_per_token::text from transactions order by ix_index, inner_ix_index`,
  );
  expect(rows).toEqual([
    { ix_index: 0, inner_ix_index: -1, type: 'buy', success: true, price_per_token: '0.0000285714285714285714' },
    { ix_index: 0, inner_ix_index: 3, type: 'buy', success: true, price_per_token: '0.0000285714285714285714' },
    { ix_index: 1, inner_ix_index: 3, type: 'sell', success: false, price_per_token: '0.0000285714285714285714' },
  ]);
}

async function checkScores(db: SqlClient): Promise<void> {
  const score = (technical: number, holder: number, social: number) =>
    db.query(
      `insert into token_scores (token_id, calculated_at, technical_score, holder_score, social_score)
       values ($1, now(), $2, $3, $4) returning total_score`,
      [TOKEN_ID, technical, holder, social],
    );
  expect((await score(333, 333, 333)).rows).toEqual([{ total_score: 999 }]);
  expect((await score(0, 0, 0)).rows).toEqual([{ total_score: 0 }]);
  await expectSqlState(score(334, 0, 0), '23514');
  await expectSqlState(score(0, -1, 0), '23514');
  await expectSqlState(score(0, 0, 334), '23514');
  await expectSqlState(
    db.query(`insert into trading_signals (token_id, signal_time, signal_type, score_at_signal, price_at_signal)
              values ($1, now(), 'short', 1, 1)`, [TOKEN_ID]),
    '23514',
  );
}

async function checkLedgers(db: SqlClient): Promise<void> {
  const quarantine = `insert into quarantine (stage, program, discriminator, raw, reason, signature, slot, outer_index, inner_index)
    values ('decode', 'pumpfun', 'e445a52e51cb9a1d', '\\xe445a52e51cb9a1d00', $1, $2, 400000000, 2, 1)
    on conflict (content_key) do update set count = quarantine.count + 1, last_seen = excluded.last_seen, reason = excluded.reason`;
  await db.query(quarantine, ['unknown discriminator', SIGNATURE]);
  await db.query(quarantine, ['unknown discriminator (v2 wording)', SIGNATURE]);
  expect((await db.query(`select count::int, reason from quarantine`)).rows).toEqual([
    { count: 2, reason: 'unknown discriminator (v2 wording)' },
  ]);

  const coverage = `insert into slot_coverage (stream, from_slot, to_slot, status) values ($1, $2, $3, $4)`;
  await db.query(coverage, ['geyser', 100, 200, 'ingested']);
  await db.query(coverage, ['geyser', 201, 300, 'gap']);
  await db.query(coverage, ['rpc', 150, 250, 'backfilled']);
  await expectSqlState(db.query(coverage, ['geyser', 200, 250, 'backfilled']), '23P01');
  await expectSqlState(db.query(coverage, ['geyser', 400, 399, 'ingested']), '23514');
  await expectSqlState(db.query(coverage, ['geyser', 500, 600, 'lost']), '23514');

  await db.query(`insert into stream_checkpoints (stream, last_committed_slot) values ('geyser', 300)`);
  await expectSqlState(db.query(`insert into stream_checkpoints (stream, last_committed_slot) values ('geyser', 301)`), '23505');
  await expectSqlState(
    db.query(`insert into holder_balances (token_id, owner, balance, first_seen, last_seen, last_slot)
              values ($1, 'owner', -1, now(), now(), 1)`, [TOKEN_ID]),
    '23514',
  );
  await db.query(`insert into system_metrics (id, metric_time, metric_type) values ($1, '2026-01-05T10:00:00Z', 'ingest'), ($1, '2026-01-05T10:01:00Z', 'ingest')`, [TOKEN_ID]);
}

/** Three 5-minute candles of one hour: open 0.000000028 (first), close 0.000000031 (last). */
async function insertSampleCandles(db: SqlClient): Promise<void> {
  await db.query(
    `insert into price_candles_5m (token_id, bucket, open, high, low, close, volume_token, volume_sol, trade_count, buyer_count, seller_count)
     values ($1, '2026-01-05T10:00:00Z', 0.000000028, 0.00000003, 0.000000027, 0.000000029, 100, 0.0000028, 2, 1, 1),
            ($1, '2026-01-05T10:05:00Z', 0.000000029, 0.00000004, 0.000000029, 0.00000003, 100, 0.000003, 2, 1, 1),
            ($1, '2026-01-05T10:10:00Z', 0.00000003, 0.000000031, 0.00000003, 0.000000031, 50, 0.0000015, 1, 1, 0)`,
    [TOKEN_ID],
  );
}

/** Runs every accept/reject check on a freshly migrated, empty database. */
export async function checkConstraints(db: SqlClient): Promise<void> {
  await checkTokensAndPools(db);
  await checkTrades(db);
  await checkScores(db);
  await checkLedgers(db);
  await insertSampleCandles(db);
}
