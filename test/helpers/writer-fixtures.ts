/**
 * Shared pieces of the batch-writer tests: a migrated database with a pool and a client for the
 * duration of a `describe`, and a batch holding one Pump.fun curve (token + pool) and its trades.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createPgPool, type PgPool } from '../../src/postgres/pg-pool.js';
import { poolIdOf, tokenIdOf } from '../../src/pipeline/ids.js';
import { emptyBatch, type Batch, type TradeRow } from '../../src/contracts/rows.js';
import { createMigratedDatabase, type TestDatabase } from './database.js';

export const WSOL = 'So11111111111111111111111111111111111111112';
const PUMPFUN = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';

/** A batch with the curve's token and pool (parents) and `trades`. */
export function curveBatch(mint: string, curve: string, trades: readonly TradeRow[], slot = 1n): Batch {
  const batch = emptyBatch();
  batch.tokens.push({ id: tokenIdOf(mint), mint, platform: 'pumpfun', discoverySource: 'trade', symbol: null, name: null, decimals: 6, creationSignature: null, creationTime: null, creator: null, quoteMint: WSOL, tokenProgram: null, bondingCurve: curve, initialSupply: null, metadata: null, slot });
  batch.pools.push({ id: poolIdOf(curve), address: curve, tokenId: tokenIdOf(mint), baseMint: mint, quoteMint: WSOL, platform: 'pumpfun', poolType: 'bonding_curve', programId: PUMPFUN, initialPrice: null, initialBaseLiquidity: null, initialQuoteLiquidity: null, bondingCurve: curve, baseVault: null, quoteVault: null, status: 'active' });
  batch.trades.push(...trades);
  return batch;
}

export interface WriterDatabase {
  readonly pool: PgPool;
  readonly db: pg.Client;
}

/** A fresh migrated database for the enclosing `describe` (dropped after it). */
export function useWriterDatabase(name: string): WriterDatabase {
  let database: TestDatabase | undefined;
  let pool: PgPool | undefined;
  let db: pg.Client | undefined;
  beforeAll(async () => {
    database = await createMigratedDatabase(name);
    pool = createPgPool({ connectionString: database.url, max: 2 });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await pool?.end();
    await database?.drop();
  });
  return {
    get pool() {
      return pool!;
    },
    get db() {
      return db!;
    },
  };
}
