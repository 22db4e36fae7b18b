/**
 * `transactions` (trades) writes, keyed by (signature, ix_index, inner_ix_index, block_time) so a replay
 * inserts nothing. The live stream almost never sends a trade twice, so a batch is first COPied straight
 * into `transactions` under a savepoint; only when that meets a stored trade (unique violation: a replay,
 * the slot in progress at a crash, a duplicate inside the batch) is it rolled back and written again
 * through a staging table and `insert ... on conflict do nothing`.
 */
import type { TradeRow } from '../contracts/rows.js';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { PgClient, Queryable } from './pg-pool.js';
import { copyField, toIso, toJson } from './sql-values.js';

const TRADE_COLUMNS =
  'signature, ix_index, inner_ix_index, event_index, block_time, slot, tx_index, pool_id, token_id, type, user_address, ' +
  'quote_mint, amount_in, amount_in_decimals, amount_out, amount_out_decimals, sol_amount, token_amount, price_per_token, ' +
  'price_quote_per_token, protocol_fee, platform_fee, share_fee, creator_fee, transaction_fee, virtual_sol_reserves, ' +
  'virtual_token_reserves, real_sol_reserves, real_token_reserves, success, error_code, raw_data, holder_rewards, creator_fee_unclaimed';

// Measured on this machine (2 cores, 64,090 synthetic trades in 5,000-row batches, same indexes and keys):
//   insert ... select from unnest($1..$32)          20,000 - 25,200 rows/s
//   COPY to staging + insert ... on conflict         29,200 - 30,100 rows/s   <- the replay path
//   COPY straight into transactions (savepoint)      51,700 - 55,500 rows/s   <- the first try
// (the last two measured in the same run, 2026-12-01: staging 36,300 - 43,100 rows/s on that day.)
// (SCHEMA-NOTES measured the same order: 25,900 vs 28,700.) The other tables write a few hundred rows per
// batch, where unnest's single round trip wins.
const CREATE_STAGING_SQL = 'create temporary table if not exists trades_stage (like transactions including defaults) on commit delete rows';
const COPY_STAGING_SQL = `copy trades_stage (${TRADE_COLUMNS}) from stdin`;
const COPY_DIRECT_SQL = `copy transactions (${TRADE_COLUMNS}) from stdin`;
const INSERT_FROM_STAGING_SQL = `insert into transactions (${TRADE_COLUMNS}) select ${TRADE_COLUMNS} from trades_stage on conflict do nothing`;

const UNIQUE_VIOLATION = '23505';

/**
 * One trade as a COPY text line, in TRADE_COLUMNS order. Written out rather than mapped column by column
 * (a third of the CPU of the generic encoder, measured): values we produce ourselves (numbers, bigints,
 * UUIDs, ISO times, decimal strings, the trade type) never need escaping; text that comes from the source
 * (signature, addresses, error code, JSON) goes through `copyField`.
 */
function tradeLine(r: TradeRow, time: string): string {
  return `${copyField(r.signature)}\t${r.ixIndex}\t${r.innerIxIndex}\t${r.eventIndex}\t${time}\t${r.slot}\t${plain(r.txIndex)}\t${r.poolId}\t${r.tokenId}\t${r.type}\t` +
    `${copyField(r.user)}\t${copyField(r.quoteMint)}\t${r.amountIn}\t${plain(r.amountInDecimals)}\t${r.amountOut}\t${plain(r.amountOutDecimals)}\t${plain(r.solAmount)}\t${plain(r.tokenAmount)}\t` +
    `${plain(r.pricePerToken)}\t${plain(r.priceQuotePerToken)}\t${plain(r.protocolFee)}\t${plain(r.platformFee)}\t${plain(r.shareFee)}\t${plain(r.creatorFee)}\t` +
    `${r.transactionFee}\t${plain(r.virtualSolReserves)}\t${plain(r.virtualTokenReserves)}\t${plain(r.realSolReserves)}\t${plain(r.realTokenReserves)}\t` +
    `${r.success}\t${copyField(r.errorCode)}\t${copyField(toJson(r.rawData))}\t${plain(r.holderRewards ?? null)}\t${plain(r.creatorFeeUnclaimed ?? null)}`;
}

function plain(value: string | number | bigint | null): string {
  return value === null ? '\\N' : `${value}`;
}

/** Lines per COPY chunk: ~50 KB of text, well under V8's large-object threshold (see `encodeTrades`). */
export const COPY_CHUNK_LINES = 128;

/**
 * The batch's trades in COPY text format, as chunks of COPY_CHUNK_LINES lines (trades of one block share
 * its time: formatted once). Chunks, not one string: a 10,000-trade batch is ~4 MB of text, and a string
 * that large lives in V8's large-object space, whose pages are mapped fresh for each one and returned
 * when it dies; its UTF-8 copy for the socket is as large again. A page fault costs ~12 µs on this
 * machine (a Firecracker VM; measured by touching fresh buffers), so one batch's text cost ~25 ms of faults
 * (measured: joining and copying 7 MB of lines 25-50 ms, the same lines in small pieces 2 ms once warm).
 * Small pieces reuse memory that is already mapped.
 */
export function encodeTrades(rows: readonly TradeRow[]): string[] {
  const chunks: string[] = [];
  let lastMs = Number.NaN;
  let lastIso = '';
  for (let start = 0; start < rows.length; start += COPY_CHUNK_LINES) {
    const end = Math.min(rows.length, start + COPY_CHUNK_LINES);
    let chunk = '';
    for (let i = start; i < end; i++) {
      const row = rows[i]!;
      const ms = row.blockTime.getTime();
      if (ms !== lastMs) {
        lastMs = ms;
        lastIso = row.blockTime.toISOString();
      }
      chunk += `${tradeLine(row, lastIso)}\n`;
    }
    chunks.push(chunk);
  }
  return chunks;
}

/** Inserts trades; returns how many were new (a replay returns 0). Must run inside a transaction. */
export async function insertTrades(db: PgClient, rows: readonly TradeRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const chunks = encodeTrades(rows);
  await db.query('savepoint megatron_trades_copy');
  try {
    const copy = db.query(copyFrom(COPY_DIRECT_SQL));
    await pipeline(Readable.from(chunks), copy);
    await db.query('release savepoint megatron_trades_copy');
    return copy.rowCount ?? rows.length;
  } catch (error) {
    await db.query('rollback to savepoint megatron_trades_copy');
    await db.query('release savepoint megatron_trades_copy');
    // Anything but "already stored" (a CHECK, a bad value) is the batch writer's to isolate.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
  }
  await db.query(CREATE_STAGING_SQL);
  await pipeline(Readable.from(chunks), db.query(copyFrom(COPY_STAGING_SQL)));
  const result = await db.query(INSERT_FROM_STAGING_SQL);
  await db.query('truncate trades_stage');
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
