/**
 * `pools` writes: the launch pools and AMM pools (fill-what-is-missing upserts), the newest reserves
 * and progress after trades (newer (slot, tx_index) wins, so a replay or a late batch never moves a
 * pool backwards), and graduation state.
 */
import type { PoolRow, PoolStateRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { fillNulls } from './tokens-repository.js';
import { columnsOf, toText } from './sql-values.js';

const UPSERT_POOLS_SQL = `
insert into pools as p (id, pool_address, token_id, base_mint, quote_mint, platform, pool_type, program_id,
  initial_price, initial_base_liquidity, initial_quote_liquidity, bonding_curve_address, base_vault, quote_vault, status)
select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
  $9::numeric[], $10::numeric[], $11::numeric[], $12::text[], $13::text[], $14::text[], $15::text[])
on conflict (pool_address) do update set
  initial_price = coalesce(p.initial_price, excluded.initial_price),
  initial_base_liquidity = coalesce(p.initial_base_liquidity, excluded.initial_base_liquidity),
  initial_quote_liquidity = coalesce(p.initial_quote_liquidity, excluded.initial_quote_liquidity),
  bonding_curve_address = coalesce(p.bonding_curve_address, excluded.bonding_curve_address),
  base_vault = coalesce(p.base_vault, excluded.base_vault),
  quote_vault = coalesce(p.quote_vault, excluded.quote_vault),
  updated_at = now()
where (p.initial_price is null and excluded.initial_price is not null)
   or (p.initial_base_liquidity is null and excluded.initial_base_liquidity is not null)
   or (p.initial_quote_liquidity is null and excluded.initial_quote_liquidity is not null)
   or (p.bonding_curve_address is null and excluded.bonding_curve_address is not null)
   or (p.base_vault is null and excluded.base_vault is not null)
   or (p.quote_vault is null and excluded.quote_vault is not null)`;

const POOL_COLUMNS: ReadonlyArray<(r: PoolRow) => unknown> = [
  (r) => r.id,
  (r) => r.address,
  (r) => r.tokenId,
  (r) => r.baseMint,
  (r) => r.quoteMint,
  (r) => r.platform,
  (r) => r.poolType,
  (r) => r.programId,
  (r) => r.initialPrice,
  (r) => toText(r.initialBaseLiquidity),
  (r) => toText(r.initialQuoteLiquidity),
  (r) => r.bondingCurve,
  (r) => r.baseVault,
  (r) => r.quoteVault,
  (r) => r.status,
];

export async function upsertPools(db: Queryable, rows: readonly PoolRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(UPSERT_POOLS_SQL, columnsOf(rows, POOL_COLUMNS));
}

/** One row per pool address, the first non-null value of each field winning. */
export function mergePoolRows(rows: readonly PoolRow[]): PoolRow[] {
  const byAddress = new Map<string, PoolRow>();
  for (const row of rows) {
    const seen = byAddress.get(row.address);
    byAddress.set(row.address, seen ? fillNulls(seen, row) : row);
  }
  return [...byAddress.values()];
}

// A 'migrated' pool stays migrated; 'complete' never goes back to 'active'.
const APPLY_POOL_STATES_SQL = `
update pools as p set
  virtual_sol_reserves = coalesce(s.virtual_sol, p.virtual_sol_reserves),
  virtual_token_reserves = coalesce(s.virtual_token, p.virtual_token_reserves),
  real_sol_reserves = coalesce(s.real_sol, p.real_sol_reserves),
  real_token_reserves = coalesce(s.real_token, p.real_token_reserves),
  bonding_curve_progress = coalesce(s.progress, p.bonding_curve_progress),
  status = case when p.status = 'active' and s.status = 'complete' then 'complete' else p.status end,
  last_slot = s.slot,
  last_tx_index = s.tx_index,
  updated_at = now()
from unnest($1::uuid[], $2::bigint[], $3::int[], $4::numeric[], $5::numeric[], $6::numeric[], $7::numeric[], $8::numeric[], $9::text[])
  as s(pool_id, slot, tx_index, virtual_sol, virtual_token, real_sol, real_token, progress, status)
where p.id = s.pool_id
  and (p.last_slot is null or (p.last_slot, coalesce(p.last_tx_index, -1)) < (s.slot, s.tx_index))`;

const STATE_COLUMNS: ReadonlyArray<(r: PoolStateRow) => unknown> = [
  (r) => r.poolId,
  (r) => r.slot.toString(),
  (r) => r.txIndex,
  (r) => toText(r.virtualSolReserves),
  (r) => toText(r.virtualTokenReserves),
  (r) => toText(r.realSolReserves),
  (r) => toText(r.realTokenReserves),
  (r) => r.progress,
  (r) => r.status,
];

/** Applies the newest state per pool (rows are reduced to one per pool first). */
export async function applyPoolStates(db: Queryable, rows: readonly PoolStateRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(APPLY_POOL_STATES_SQL, columnsOf(newestPerPool(rows), STATE_COLUMNS));
}

function newestPerPool(rows: readonly PoolStateRow[]): PoolStateRow[] {
  const newest = new Map<string, PoolStateRow>();
  for (const row of rows) {
    const seen = newest.get(row.poolId);
    if (!seen || compareState(row, seen) > 0) newest.set(row.poolId, row);
  }
  return [...newest.values()];
}

function compareState(a: PoolStateRow, b: PoolStateRow): number {
  if (a.slot !== b.slot) return a.slot > b.slot ? 1 : -1;
  if (a.txIndex !== b.txIndex) return a.txIndex - b.txIndex;
  return a.eventIndex - b.eventIndex;
}

/** An AMM pool one of our migrations created, as the pipeline's pool filter keeps it. */
export interface StoredAmmPool {
  address: string;
  mint: string;
  quoteMint: string;
  venue: 'pumpswap' | 'raydium_cpmm' | 'raydium_amm_v4';
}

// Every `amm` row is a pool our migrations created (pipeline/amm-pools.ts stores no other). The platform
// filter uses idx_pools_platform; the AMM rows are a small share of the table, so the sort is cheap and no
// index of its own is needed. Most recently updated (traded) first: those the bounded filter keeps.
const LIST_OWNED_AMM_POOLS_SQL = `
select pool_address, base_mint, quote_mint, platform from pools
where platform in ('pumpswap', 'raydium_cpmm', 'raydium_amm_v4') and pool_type = 'amm'
order by updated_at desc nulls last, pool_address
limit $1`;

/** Up to `limit` of our AMM pools, most recently updated first (for the pool filter after a restart). */
export async function listOwnedAmmPools(db: Queryable, limit: number): Promise<StoredAmmPool[]> {
  const { rows } = await db.query<{ pool_address: string; base_mint: string; quote_mint: string; platform: StoredAmmPool['venue'] }>(LIST_OWNED_AMM_POOLS_SQL, [limit]);
  return rows.map((r) => ({ address: r.pool_address, mint: r.base_mint, quoteMint: r.quote_mint, venue: r.platform }));
}
