/**
 * `fee_payouts` writes: sweeps of kept fees. One `insert ... select from unnest` per batch (a few rows at
 * most: sweeps are rare next to trades), idempotent on (signature, ix_index, inner_ix_index, bucket).
 * Never added to the trades' fees: the trades that charged these fees carry them as income already.
 */
import type { FeePayoutRow } from '../contracts/rows.js';
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso, toText } from './sql-values.js';

const INSERT_FEE_PAYOUTS_SQL = `
insert into fee_payouts (signature, ix_index, inner_ix_index, event_index, block_time, slot, tx_index, token_id,
  pool_id, venue_address, program, quote_mint, recipient, amount, bucket)
select * from unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::timestamptz[], $6::bigint[], $7::int[], $8::uuid[],
  $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[], $14::numeric[], $15::text[])
on conflict do nothing`;

const COLUMNS: ReadonlyArray<(r: FeePayoutRow) => unknown> = [
  (r) => r.signature,
  (r) => r.ixIndex,
  (r) => r.innerIxIndex,
  (r) => r.eventIndex,
  (r) => toIso(r.blockTime),
  (r) => r.slot.toString(),
  (r) => r.txIndex,
  (r) => r.tokenId,
  (r) => r.poolId,
  (r) => r.venueAddress,
  (r) => r.program,
  (r) => r.quoteMint,
  (r) => r.recipient,
  (r) => toText(r.amount),
  (r) => r.bucket,
];

/** Inserts fee payouts; a replay inserts nothing. */
export async function insertFeePayouts(db: Queryable, rows: readonly FeePayoutRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(INSERT_FEE_PAYOUTS_SQL, columnsOf(rows, COLUMNS));
}
