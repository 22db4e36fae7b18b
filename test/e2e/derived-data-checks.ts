/**
 * What the fault test compares after each restart. `DERIVED_DATA_CHECKS`: statements that return the rows
 * where derived data differs from its recomputation from the stored rows (none = exact). `normalisedState`:
 * pools, tokens, token accounts and owners with their slots reduced to the slot within a loop of the looped
 * fixture stream, so states after different numbers of loops compare equal when they are right.
 */
import type pg from 'pg';

function candleCheck(table: string, width: string): string {
  return `
with expected as (
  select token_id, date_bin(interval '${width}', block_time, timestamptz '2000-01-03 00:00:00+00') as bucket,
    (array_agg(price_quote_per_token order by slot, tx_index, ix_index, inner_ix_index))[1] as open,
    max(price_quote_per_token) as high, min(price_quote_per_token) as low,
    (array_agg(price_quote_per_token order by slot desc, tx_index desc nulls last, ix_index desc, inner_ix_index desc))[1] as close,
    sum(token_amount) as volume_token, sum(sol_amount) as volume_sol, count(*)::int as trade_count,
    (count(distinct user_address) filter (where type = 'buy'))::int as buyer_count,
    (count(distinct user_address) filter (where type = 'sell'))::int as seller_count
  from transactions where success and price_quote_per_token is not null
  group by 1, 2
)
select coalesce(e.token_id, c.token_id) as token_id, coalesce(e.bucket, c.bucket) as bucket,
  e.trade_count as expected_trades, c.trade_count as candle_trades
from expected e full join ${table} c on c.token_id = e.token_id and c.bucket = e.bucket
where (e.open, e.high, e.low, e.close, e.volume_token, e.volume_sol, e.trade_count, e.buyer_count, e.seller_count)
  is distinct from (c.open, c.high, c.low, c.close, c.volume_token, c.volume_sol, c.trade_count, c.buyer_count, c.seller_count)
order by 2, 1 limit 10`;
}

export const DERIVED_DATA_CHECKS: Record<string, string> = {
  'price_candles_1m against the trades': candleCheck('price_candles_1m', '1 minute'),
  'price_candles_5m against the trades': candleCheck('price_candles_5m', '5 minutes'),
  'candle_dirty_buckets drained': 'select id, token_id, bucket, width_minutes from candle_dirty_buckets order by id limit 10',
  // The pool's state is the newest successful trade's that carries reserves (newer (slot, tx_index) wins).
  'pool reserves against the newest trade': `
with newest as (
  select distinct on (pool_id) pool_id, slot, coalesce(tx_index, 0) as tx_index,
    virtual_sol_reserves, virtual_token_reserves, real_sol_reserves, real_token_reserves
  from transactions where success and (virtual_token_reserves is not null or real_token_reserves is not null)
  order by pool_id, slot desc, coalesce(tx_index, 0) desc, event_index desc
)
select p.pool_address, p.last_slot, n.slot as trade_slot
from newest n left join pools p on p.id = n.pool_id
where p.id is null or (p.last_slot, p.last_tx_index) is distinct from (n.slot, n.tx_index)
   or (n.virtual_sol_reserves is not null and p.virtual_sol_reserves is distinct from n.virtual_sol_reserves)
   or (n.virtual_token_reserves is not null and p.virtual_token_reserves is distinct from n.virtual_token_reserves)
   or (n.real_sol_reserves is not null and p.real_sol_reserves is distinct from n.real_sol_reserves)
   or (n.real_token_reserves is not null and p.real_token_reserves is distinct from n.real_token_reserves)
order by 1 limit 10`,
  'token last trade against the newest successful trade': `
with newest as (
  select distinct on (token_id) token_id, slot, block_time from transactions where success order by token_id, slot desc
)
select k.mint_address, k.last_trade_slot, n.slot as trade_slot
from tokens k full join newest n on n.token_id = k.id
where (k.last_trade_slot, k.last_trade_at) is distinct from (n.slot, n.block_time)
order by 1 limit 10`,
  'holder balances against the sum of their token accounts': `
with sums as (
  select token_id, owner, sum(balance) as balance, min(holder_kind) as holder_kind from holder_token_accounts group by 1, 2
)
select coalesce(h.token_id, s.token_id) as token_id, coalesce(h.owner, s.owner) as owner, h.balance::text as stored, s.balance::text as summed
from holder_balances h full join sums s on s.token_id = h.token_id and s.owner = h.owner
where coalesce(h.balance, 0) <> coalesce(s.balance, 0) or (s.owner is not null and h.holder_kind is distinct from s.holder_kind)
order by 1, 2 limit 10`,
};

/**
 * Per loop of the stream: what its stored trades add up to. Every loop sends the same transactions, so
 * every loop must store the same rows with the same amounts and prices, whichever process wrote them and
 * however often it was restarted in between.
 */
export async function loopFingerprints(db: pg.Client, startSlot: bigint, slotsPerLoop: number): Promise<Array<Record<string, unknown>>> {
  const { rows } = await db.query(`
    select ((slot - $1::bigint) / $2::int)::int as loop, count(*)::int as rows, (count(*) filter (where success))::int as successful,
      count(price_quote_per_token)::int as priced, coalesce(sum(sol_amount), 0)::text as quote, coalesce(sum(token_amount), 0)::text as tokens,
      coalesce(sum(price_quote_per_token), 0)::text as prices, count(distinct token_id)::int as token_ids, count(distinct pool_id)::int as pools
    from transactions group by 1 order by 1`, [startSlot.toString(), slotsPerLoop]);
  return rows;
}

export interface NormalisedState {
  pools: unknown[];
  tokens: unknown[];
  accounts: unknown[];
  owners: unknown[];
  /** The distinct loops the newest position of each kind of row is in (all the newest loop when right). */
  newestLoops: { pools: number[]; tokens: number[]; accounts: number[]; owners: number[] };
}

/** `$1` start slot, `$2` slots per loop. */
const IN_LOOP = (column: string): string => `(${column} - $1::bigint) % $2::int`;
const LOOP = (column: string): string => `((${column} - $1::bigint) / $2::int)::int`;

export async function normalisedState(db: pg.Client, startSlot: bigint, slotsPerLoop: number): Promise<NormalisedState> {
  const params = [startSlot.toString(), slotsPerLoop];
  const rows = async (sql: string): Promise<unknown[]> => (await db.query(sql, params)).rows;
  const loopsOf = async (table: string, column: string): Promise<number[]> =>
    (await db.query(`select distinct ${LOOP(column)} as loop from ${table} where ${column} is not null order by 1`, params)).rows.map((r) => r.loop as number);
  return {
    pools: await rows(`
      select pool_address, virtual_sol_reserves::text, virtual_token_reserves::text, real_sol_reserves::text, real_token_reserves::text,
        bonding_curve_progress::text, status, ${IN_LOOP('last_slot')} as slot_in_loop, last_tx_index
      from pools order by pool_address`),
    tokens: await rows(`select mint_address, ${IN_LOOP('last_trade_slot')} as slot_in_loop, last_trade_at from tokens order by mint_address`),
    accounts: await rows(`
      select token_id, account, owner, balance::text, holder_kind, ${IN_LOOP('last_slot')} as slot_in_loop, last_tx_index
      from holder_token_accounts order by token_id, account`),
    owners: await rows(`
      select token_id, owner, balance::text, holder_kind, ${IN_LOOP('last_slot')} as slot_in_loop, last_tx_index
      from holder_balances order by token_id, owner`),
    newestLoops: {
      pools: await loopsOf('pools', 'last_slot'),
      tokens: await loopsOf('tokens', 'last_trade_slot'),
      accounts: await loopsOf('holder_token_accounts', 'last_slot'),
      owners: await loopsOf('holder_balances', 'last_slot'),
    },
  };
}
