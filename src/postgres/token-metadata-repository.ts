/**
 * Reads and writes of the token-metadata job (analytics/jobs/token-metadata-job.ts): the tokens that still
 * lack a name, decimals or quote decimals, what an RPC read found for them, the record of each read (for its
 * back-off), and the trades stored while their decimals were unknown, whose normalised amounts are filled
 * once the decimals are known. One statement per function (migrations 1767260060000..1767260240000).
 */
import type { Queryable } from './pg-pool.js';
import { columnsOf, toIso, toText } from './sql-values.js';

/** A token the job has work for. */
export interface TokenMissingMetadata {
  tokenId: string;
  mint: string;
  tokenProgram: string | null;
  quoteMint: string | null;
  decimals: number | null;
  quoteDecimals: number | null;
  /** True when the name is NULL or empty. */
  needsName: boolean;
  /** Reads made before this one (0 for a token never tried). */
  attempts: number;
}

const MISSING_METADATA_SQL = `
select k.id, k.mint_address, k.token_program, k.quote_mint, k.decimals, k.quote_decimals,
  coalesce(k.name, '') = '' as needs_name, coalesce(r.attempts, 0) as attempts
from tokens k
left join token_metadata_reads r on r.token_id = k.id
where (coalesce(k.name, '') = '' or k.decimals is null or k.quote_decimals is null)
  and (r.token_id is null or (r.outcome <> 'complete' and r.next_attempt_at <= $1::timestamptz))
order by k.last_trade_at desc nulls last
limit $2`;

/**
 * Tokens still missing a name, decimals or quote decimals, newest trade first, without those whose last
 * read answered everything ('complete': an on-chain empty name stays empty) or whose back-off has not run out.
 */
export async function listTokensMissingMetadata(db: Queryable, now: Date, limit: number): Promise<TokenMissingMetadata[]> {
  const { rows } = await db.query(MISSING_METADATA_SQL, [now.toISOString(), limit]);
  return rows.map((r) => ({
    tokenId: r.id, mint: r.mint_address, tokenProgram: r.token_program, quoteMint: r.quote_mint, decimals: r.decimals,
    quoteDecimals: r.quote_decimals, needsName: r.needs_name, attempts: Number(r.attempts),
  }));
}

/** What one RPC read found for a token; null fields were not found and are left as they are. */
export interface TokenMetadataUpdate {
  tokenId: string;
  name: string | null;
  symbol: string | null;
  uri: string | null;
  decimals: number | null;
  tokenProgram: string | null;
  /** 'metaplex' or 'token_2022' when name/symbol/uri were found. */
  source: string | null;
}

// Fills only what the row lacks: a create event's values are never overwritten. The uri goes into
// metadata.uri, where the social job reads it for created tokens too (social-repository.ts).
const APPLY_METADATA_SQL = `
update tokens as t set
  name = case when coalesce(t.name, '') = '' then coalesce(u.name, t.name) else t.name end,
  symbol = case when coalesce(t.symbol, '') = '' then coalesce(u.symbol, t.symbol) else t.symbol end,
  decimals = coalesce(t.decimals, u.decimals),
  token_program = coalesce(t.token_program, u.token_program),
  metadata = case
    when coalesce(t.metadata->>'uri', '') = '' and coalesce(u.uri, '') <> ''
      then coalesce(t.metadata, '{}'::jsonb) || jsonb_build_object('uri', u.uri, 'metadataSource', u.source)
    else t.metadata end,
  updated_at = now()
from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
  as u(id, name, symbol, uri, decimals, token_program, source)
where t.id = u.id`;

const METADATA_COLUMNS: ReadonlyArray<(r: TokenMetadataUpdate) => unknown> = [
  (r) => r.tokenId, (r) => r.name, (r) => r.symbol, (r) => r.uri, (r) => r.decimals, (r) => r.tokenProgram, (r) => r.source,
];

/** Writes what the reads found into the tokens' empty fields. */
export async function applyTokenMetadata(db: Queryable, rows: readonly TokenMetadataUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(APPLY_METADATA_SQL, columnsOf(rows, METADATA_COLUMNS));
}

const APPLY_QUOTE_DECIMALS_SQL = `
update tokens as t set quote_decimals = q.decimals, updated_at = now()
from unnest($1::text[], $2::int[]) as q(mint, decimals)
where t.quote_mint = q.mint and t.quote_decimals is null`;

/** Sets the quote decimals of every token quoted in one of `mints` that does not have them yet. */
export async function applyQuoteDecimals(db: Queryable, rows: ReadonlyArray<{ mint: string; decimals: number }>): Promise<void> {
  if (rows.length === 0) return;
  await db.query(APPLY_QUOTE_DECIMALS_SQL, [rows.map((r) => r.mint), rows.map((r) => r.decimals)]);
}

/** The record of one token's read. */
export interface TokenMetadataRead {
  tokenId: string;
  outcome: 'complete' | 'incomplete' | 'failed';
  source: string | null;
  attemptedAt: Date;
  /** Null for 'complete' (never read again). */
  nextAttemptAt: Date | null;
  slot: bigint | null;
  error: string | null;
}

const RECORD_READS_SQL = `
insert into token_metadata_reads as r (token_id, outcome, source, attempts, last_attempt_at, next_attempt_at, slot, last_error)
select id, outcome, source, 1, attempted_at, next_at, slot, error
from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[], $7::text[])
  as x(id, outcome, source, attempted_at, next_at, slot, error)
on conflict (token_id) do update set
  outcome = excluded.outcome, source = coalesce(excluded.source, r.source), attempts = r.attempts + 1,
  last_attempt_at = excluded.last_attempt_at, next_attempt_at = excluded.next_attempt_at,
  slot = coalesce(excluded.slot, r.slot), last_error = excluded.last_error`;

const READ_COLUMNS: ReadonlyArray<(r: TokenMetadataRead) => unknown> = [
  (r) => r.tokenId, (r) => r.outcome, (r) => r.source, (r) => r.attemptedAt.toISOString(), (r) => toIso(r.nextAttemptAt),
  (r) => toText(r.slot), (r) => r.error,
];

/** Records the reads (attempts count up; the back-off of the next one is the caller's). */
export async function recordTokenMetadataReads(db: Queryable, rows: readonly TokenMetadataRead[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(RECORD_READS_SQL, columnsOf(rows, READ_COLUMNS));
}

/** A trade whose normalised amounts could not be computed when it was stored, with its token's decimals now. */
export interface UnscaledTrade {
  signature: string;
  ixIndex: number;
  innerIxIndex: number;
  blockTime: Date;
  tokenId: string;
  type: 'buy' | 'sell';
  amountIn: bigint;
  amountOut: bigint;
  success: boolean;
  decimals: number;
  quoteDecimals: number;
}

// Uses idx_transactions_unscaled (partial: only such trades are in it).
const UNSCALED_TRADES_SQL = `
select t.signature, t.ix_index, t.inner_ix_index, t.block_time, t.token_id, t.type, t.amount_in::text, t.amount_out::text,
  t.success, k.decimals, k.quote_decimals
from transactions t
join tokens k on k.id = t.token_id
where (t.sol_amount is null or t.token_amount is null)
  and k.decimals is not null and k.quote_decimals is not null
limit $1`;

/** Up to `limit` trades without normalised amounts whose token's and quote's decimals are known now. */
export async function listUnscaledTrades(db: Queryable, limit: number): Promise<UnscaledTrade[]> {
  const { rows } = await db.query(UNSCALED_TRADES_SQL, [limit]);
  return rows.map((r) => ({
    signature: r.signature, ixIndex: r.ix_index, innerIxIndex: r.inner_ix_index, blockTime: r.block_time, tokenId: r.token_id,
    type: r.type, amountIn: BigInt(r.amount_in), amountOut: BigInt(r.amount_out), success: r.success, decimals: r.decimals,
    quoteDecimals: r.quote_decimals,
  }));
}

/** The normalised values of one trade, keyed like the table. */
export interface ScaledTrade {
  signature: string;
  ixIndex: number;
  innerIxIndex: number;
  blockTime: Date;
  amountInDecimals: number;
  amountOutDecimals: number;
  solAmount: string;
  tokenAmount: string;
  priceQuotePerToken: string | null;
}

// The update and the candle marks of its priced, successful trades in one statement (one transaction):
// the candle job then recomputes those 1-minute buckets from the trades, as for newly written trades
// (candles-repository.ts). date_bin on the same origin as the candle SQL keeps the buckets aligned.
const FILL_TRADES_SQL = `
with filled as (
  update transactions as t set
    amount_in_decimals = f.in_decimals, amount_out_decimals = f.out_decimals,
    sol_amount = f.sol_amount, token_amount = f.token_amount, price_quote_per_token = f.price
  from unnest($1::text[], $2::int[], $3::int[], $4::timestamptz[], $5::int[], $6::int[], $7::numeric[], $8::numeric[], $9::numeric[])
    as f(signature, ix_index, inner_ix_index, block_time, in_decimals, out_decimals, sol_amount, token_amount, price)
  where t.signature = f.signature and t.ix_index = f.ix_index and t.inner_ix_index = f.inner_ix_index and t.block_time = f.block_time
  returning t.token_id, t.block_time, t.success, t.price_quote_per_token
)
insert into candle_dirty_buckets (token_id, bucket)
select distinct token_id, date_bin(interval '1 minute', block_time, timestamptz '2000-01-03 00:00:00+00')
from filled where success and price_quote_per_token is not null`;

const SCALED_COLUMNS: ReadonlyArray<(r: ScaledTrade) => unknown> = [
  (r) => r.signature, (r) => r.ixIndex, (r) => r.innerIxIndex, (r) => r.blockTime.toISOString(), (r) => r.amountInDecimals,
  (r) => r.amountOutDecimals, (r) => r.solAmount, (r) => r.tokenAmount, (r) => r.priceQuotePerToken,
];

/** Writes the normalised amounts and marks the candle buckets of the priced ones for recomputation. */
export async function fillTradeAmounts(db: Queryable, rows: readonly ScaledTrade[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(FILL_TRADES_SQL, columnsOf(rows, SCALED_COLUMNS));
}
