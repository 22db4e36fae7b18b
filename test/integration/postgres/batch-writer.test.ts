/**
 * The batch writer against the real PostgreSQL: a row the database rejects goes to quarantine with
 * the reason while the rest of its batch (and the checkpoint) commits; a replay inserts nothing.
 */
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import type { PgPool } from '../../../src/postgres/pg-pool.js';
import { commitStreamProgress } from '../../../src/postgres/stream-commit.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import type { Batch, TradeRow } from '../../../src/contracts/rows.js';
import { curveBatch, useWriterDatabase, WSOL } from '../../helpers/writer-fixtures.js';

const MINT = 'Mint111111111111111111111111111111111111111';
const CURVE = 'Curve11111111111111111111111111111111111111';

function trade(signature: string, overrides: Partial<TradeRow> = {}): TradeRow {
  return {
    signature, ixIndex: 0, innerIxIndex: -1, eventIndex: 0, blockTime: new Date('2026-01-01T00:00:10Z'), slot: 100n, txIndex: 1,
    poolId: poolIdOf(CURVE), tokenId: tokenIdOf(MINT), mint: MINT, type: 'buy', user: 'User1111111111111111111111111111111111111111', quoteMint: WSOL,
    amountIn: 1_000_000_000n, amountInDecimals: 9, amountOut: 35_000_000_000n, amountOutDecimals: 6, solAmount: '1', tokenAmount: '35000',
    pricePerToken: '0.0285714', priceQuotePerToken: '0.0000285714', protocolFee: 10_000_000n, platformFee: null, shareFee: null, creatorFee: null,
    transactionFee: 5000n, virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null,
    success: true, errorCode: null, rawData: null, ...overrides,
  };
}

function batchOf(trades: TradeRow[], slot: bigint): Batch {
  const batch = curveBatch(MINT, CURVE, trades, slot);
  batch.checkpoint = { stream: 'writer-test', slot };
  return batch;
}

describe('writeBatch', () => {
  const database = useWriterDatabase('batch_writer');
  let pool: PgPool;
  let db: pg.Client;
  beforeAll(() => {
    ({ pool, db } = database);
  });

  const write = (batch: Batch) => writeBatch(pool, batch, (client) => commitStreamProgress(client, batch.checkpoint!));

  it('quarantines the rejected row and commits the rest of the batch with its checkpoint', async () => {
    const bad = trade('BadSig', { innerIxIndex: -7 });
    const result = await write(batchOf([trade('GoodSigA'), bad, trade('GoodSigB', { ixIndex: 1 })], 100n));
    expect(result.tradesInserted).toBe(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ stage: 'store', signature: 'BadSig', position: { outerIndex: 0, innerIndex: -7 } });
    expect(result.rejected[0]!.reason).toMatch(/^trades: database rejected the row \(SQLSTATE 23514\)/);
    const { rows } = await db.query('select signature from transactions order by signature');
    expect(rows.map((r) => r.signature)).toEqual(['GoodSigA', 'GoodSigB']);
    const { rows: quarantined } = await db.query('select stage, signature, reason, count from quarantine');
    expect(quarantined).toEqual([{ stage: 'store', signature: 'BadSig', reason: result.rejected[0]!.reason, count: 1n }]);
    const { rows: checkpoint } = await db.query('select last_committed_slot from stream_checkpoints');
    expect(checkpoint).toEqual([{ last_committed_slot: 100n }]);
  });

  it('inserts nothing on a replay and extends one coverage row while slots are contiguous', async () => {
    const replay = await write(batchOf([trade('GoodSigA'), trade('GoodSigB', { ixIndex: 1 })], 100n));
    expect(replay.tradesInserted).toBe(0);
    await write(batchOf([trade('GoodSigC', { slot: 150n })], 150n));
    const { rows } = await db.query(`select from_slot, to_slot, status from slot_coverage where stream = 'writer-test' order by from_slot`);
    expect(rows).toEqual([{ from_slot: 100n, to_slot: 150n, status: 'ingested' }]);
  });

  it('falls back from the direct COPY when part of a batch is stored: only the new trades land, duplicates inside the batch once', async () => {
    const result = await write(batchOf([trade('GoodSigA'), trade('GoodSigD', { slot: 151n }), trade('GoodSigD', { slot: 151n }), trade('GoodSigE', { slot: 151n })], 151n));
    expect(result.tradesInserted).toBe(2);
    expect(result.rejected).toEqual([]);
    const { rows } = await db.query(`select signature, count(*)::int as n from transactions group by signature order by signature`);
    expect(rows).toEqual(['GoodSigA', 'GoodSigB', 'GoodSigC', 'GoodSigD', 'GoodSigE'].map((signature) => ({ signature, n: 1 })));
  });

  it('keeps the earliest graduation and never moves pool state backwards', async () => {
    const batch = batchOf([], 200n);
    batch.poolStates.push(
      { poolId: poolIdOf(CURVE), slot: 200n, txIndex: 5, eventIndex: 0, virtualSolReserves: 40n, virtualTokenReserves: 900n, realSolReserves: 10n, realTokenReserves: 700n, progress: '11.74', status: 'active' },
      { poolId: poolIdOf(CURVE), slot: 199n, txIndex: 9, eventIndex: 0, virtualSolReserves: 35n, virtualTokenReserves: 950n, realSolReserves: 5n, realTokenReserves: 750n, progress: '5.43', status: 'active' },
    );
    batch.graduations.push({ tokenId: tokenIdOf(MINT), signature: 'GradLate', blockTime: new Date('2026-01-01T01:00:00Z'), slot: 200n, curvePoolId: poolIdOf(CURVE), ammPool: null, kind: 'complete' });
    await write(batch);
    const older = batchOf([], 201n);
    older.poolStates.push({ poolId: poolIdOf(CURVE), slot: 150n, txIndex: 0, eventIndex: 0, virtualSolReserves: 1n, virtualTokenReserves: 1n, realSolReserves: 1n, realTokenReserves: 1n, progress: '1', status: 'active' });
    older.graduations.push({ tokenId: tokenIdOf(MINT), signature: 'GradEarly', blockTime: new Date('2026-01-01T00:30:00Z'), slot: 190n, curvePoolId: poolIdOf(CURVE), ammPool: null, kind: 'complete' });
    await write(older);
    const { rows: [pool] } = await db.query('select virtual_sol_reserves, bonding_curve_progress, status, last_slot from pools where pool_address = $1', [CURVE]);
    expect(pool).toEqual({ virtual_sol_reserves: '40', bonding_curve_progress: '100.00', status: 'complete', last_slot: 200n });
    const { rows: [token] } = await db.query('select is_graduated, graduation_signature from tokens where mint_address = $1', [MINT]);
    expect(token).toEqual({ is_graduated: true, graduation_signature: 'GradEarly' });
  });
});
