/**
 * `transactions` (trades) writes: one `insert ... select from unnest(...) on conflict do nothing`
 * per batch, keyed by (signature, ix_index, inner_ix_index, block_time), so a replay inserts nothing.
 */
import type { TradeRow } from '../pipeline/rows.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso, toJson, toText } from './sql-values.js';

const INSERT_TRADES_SQL = `
insert into transactions (signature, ix_index, inner_ix_index, event_index, block_time, slot, tx_index, pool_id, token_id,
  type, user_address, quote_mint, amount_in, amount_in_decimals, amount_out, amount_out_decimals, sol_amount, token_amount,
  price_per_token, price_quote_per_token, protocol_fee, platform_fee, share_fee, creator_fee, transaction_fee,
  virtual_sol_reserves, virtual_token_reserves, real_sol_reserves, real_token_reserves, success, error_code, raw_data)
select * from unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::timestamptz[], $6::bigint[], $7::int[], $8::uuid[],
  $9::uuid[], $10::text[], $11::text[], $12::text[], $13::numeric[], $14::int[], $15::numeric[], $16::int[], $17::numeric[],
  $18::numeric[], $19::numeric[], $20::numeric[], $21::numeric[], $22::numeric[], $23::numeric[], $24::numeric[],
  $25::bigint[], $26::numeric[], $27::numeric[], $28::numeric[], $29::numeric[], $30::bool[], $31::text[], $32::jsonb[])
on conflict do nothing`;

const COLUMNS: ReadonlyArray<(r: TradeRow) => unknown> = [
  (r) => r.signature,
  (r) => r.ixIndex,
  (r) => r.innerIxIndex,
  (r) => r.eventIndex,
  (r) => toIso(r.blockTime),
  (r) => r.slot.toString(),
  (r) => r.txIndex,
  (r) => r.poolId,
  (r) => r.tokenId,
  (r) => r.type,
  (r) => r.user,
  (r) => r.quoteMint,
  (r) => r.amountIn.toString(),
  (r) => r.amountInDecimals,
  (r) => r.amountOut.toString(),
  (r) => r.amountOutDecimals,
  (r) => r.solAmount,
  (r) => r.tokenAmount,
  (r) => r.pricePerToken,
  (r) => r.priceQuotePerToken,
  (r) => toText(r.protocolFee),
  (r) => toText(r.platformFee),
  (r) => toText(r.shareFee),
  (r) => toText(r.creatorFee),
  (r) => r.transactionFee.toString(),
  (r) => toText(r.virtualSolReserves),
  (r) => toText(r.virtualTokenReserves),
  (r) => toText(r.realSolReserves),
  (r) => toText(r.realTokenReserves),
  (r) => r.success,
  (r) => r.errorCode,
  (r) => toJson(r.rawData),
];

/** Inserts trades; returns how many were new (a replay returns 0). */
export async function insertTrades(db: Queryable, rows: readonly TradeRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.query(INSERT_TRADES_SQL, columnsOf(rows, COLUMNS));
  return result.rowCount ?? 0;
}

// Newest successful trade per token, so "active tokens" queries need not scan trades.
const TOUCH_TOKENS_SQL = `
update tokens as t set last_trade_slot = v.slot, last_trade_at = v.at
from unnest($1::uuid[], $2::bigint[], $3::timestamptz[]) as v(id, slot, at)
where t.id = v.id and (t.last_trade_slot is null or t.last_trade_slot < v.slot)`;

export async function touchTradedTokens(db: Queryable, rows: readonly TradeRow[]): Promise<void> {
  const newest = new Map<string, TradeRow>();
  for (const row of rows) {
    if (!row.success) continue;
    const seen = newest.get(row.tokenId);
    if (!seen || row.slot > seen.slot) newest.set(row.tokenId, row);
  }
  if (newest.size === 0) return;
  const list = [...newest.values()];
  await db.query(TOUCH_TOKENS_SQL, [list.map((r) => r.tokenId), list.map((r) => r.slot.toString()), list.map((r) => toIso(r.blockTime))]);
}
