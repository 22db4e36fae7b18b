/**
 * The statement that reads every scoring input of many (token, as-of time) pairs at once. Live
 * scoring (as-of = now), model training (as-of = launch + N minutes) and the backtest (as-of = the
 * replayed moment) all read through it, so they see the same numbers. Only trades at or before as-of
 * count (`lookback` bounds how far back), so nothing from the future leaks into a past score.
 *
 * Holders are net positions from successful trades (buys − sells per wallet): exact for curve tokens
 * whose supply moves through the curve, blind to plain wallet-to-wallet transfers.
 */
export const READ_SCORING_INPUTS_SQL = `
with req as (
  select r.ord, r.token_id, r.as_of, k.mint_address, k.platform, k.creator_address, k.creation_timestamp,
    k.creation_signature, k.token_program, k.metadata->>'totalBaseSell' as total_base_sell,
    (k.is_graduated and coalesce(k.graduation_timestamp, r.as_of) <= r.as_of) as graduated,
    coalesce(k.initial_supply::float8 / 10 ^ k.decimals, 1e9) as supply,
    greatest(coalesce(k.creation_timestamp, r.as_of - $3::interval), r.as_of - $3::interval) as since,
    (select min(t.slot) from transactions t where t.token_id = r.token_id and k.creation_timestamp is not null
       and t.block_time >= k.creation_timestamp and t.block_time <= k.creation_timestamp + interval '2 seconds') as launch_slot
  from unnest($1::uuid[], $2::timestamptz[]) with ordinality as r (token_id, as_of, ord)
  join tokens k on k.id = r.token_id
)
select req.token_id, req.as_of, req.mint_address, req.platform, req.creator_address, req.creation_timestamp,
  req.token_program, req.graduated, req.supply, req.total_base_sell, a.*, l.*, h.*, c.*, g.*, s.*
from req
cross join lateral (
  select count(*) filter (where t.success)::int as trades,
    count(*) filter (where t.success and t.type = 'buy')::int as buys,
    count(*) filter (where t.success and t.type = 'sell')::int as sells,
    count(*) filter (where not t.success)::int as failed_attempts,
    count(distinct t.user_address) filter (where t.success and t.type = 'buy')::int as unique_buyers,
    count(distinct t.user_address) filter (where t.success and t.type = 'sell')::int as unique_sellers,
    coalesce(sum(t.sol_amount) filter (where t.success and t.type = 'buy'), 0)::float8 as buy_volume,
    coalesce(sum(t.sol_amount) filter (where t.success and t.type = 'sell'), 0)::float8 as sell_volume,
    count(*) filter (where t.success and t.block_time > req.as_of - interval '5 minutes')::int as trades_5m,
    coalesce(sum(t.sol_amount) filter (where t.success and t.block_time > req.as_of - interval '5 minutes'), 0)::float8 as volume_5m,
    count(distinct t.user_address) filter (where t.success and t.block_time > req.as_of - interval '5 minutes')::int as traders_5m,
    max(t.price_quote_per_token) filter (where t.success)::float8 as max_price
  from transactions t
  where t.token_id = req.token_id and t.block_time >= req.since and t.block_time <= req.as_of
) a
left join lateral (
  select t.price_quote_per_token::text as last_price, t.slot as last_slot,
    t.real_sol_reserves::float8 / 10 ^ (case when t.type = 'buy' then t.amount_in_decimals else t.amount_out_decimals end) as real_quote_reserves,
    t.real_token_reserves::float8 as real_token_reserves,
    (select f.price_quote_per_token::float8 from transactions f where f.token_id = req.token_id and f.success
       and f.block_time >= req.since and f.block_time <= req.as_of and f.price_quote_per_token is not null
     order by f.block_time, f.slot, f.tx_index nulls first, f.event_index limit 1) as first_price
  from transactions t
  where t.token_id = req.token_id and t.success and t.block_time >= req.since and t.block_time <= req.as_of
    and t.price_quote_per_token is not null
  order by t.block_time desc, t.slot desc, t.tx_index desc nulls last, t.event_index desc
  limit 1
) l on true
cross join lateral (
  select count(*) filter (where net > 0)::int as holders,
    count(*) filter (where net >= req.supply * $4::float8)::int as real_holders,
    coalesce(sum(net) filter (where net > 0 and rn <= 10), 0) as top10_net,
    coalesce(sum(net) filter (where is_creator and net > 0), 0) as creator_net,
    coalesce(sum(bought) filter (where is_creator), 0) as creator_bought,
    coalesce(sum(sold) filter (where is_creator), 0) as creator_sold,
    coalesce(sum(sells) filter (where is_creator), 0)::int as creator_sells,
    min(first_sell) filter (where is_creator) as creator_first_sell,
    coalesce(sum(launch_slot_bought) filter (where not is_creator), 0) as launch_slot_bought,
    coalesce(sum(create_tx_bought), 0) as create_tx_bought,
    coalesce(sum(volume) filter (where buys >= 2 and sells >= 2), 0) as cycling_volume,
    coalesce(sum(volume), 0) as user_volume
  from (
    select u.*, row_number() over (order by u.net desc) as rn
    from (
      select t.user_address, coalesce(t.user_address = req.creator_address, false) as is_creator,
        sum(case when t.type = 'buy' then t.token_amount else -t.token_amount end)::float8 as net,
        coalesce(sum(t.token_amount) filter (where t.type = 'buy'), 0)::float8 as bought,
        coalesce(sum(t.token_amount) filter (where t.type = 'sell'), 0)::float8 as sold,
        count(*) filter (where t.type = 'buy') as buys,
        count(*) filter (where t.type = 'sell') as sells,
        sum(t.sol_amount)::float8 as volume,
        min(t.block_time) filter (where t.type = 'sell') as first_sell,
        coalesce(sum(t.token_amount) filter (where t.type = 'buy' and t.slot = req.launch_slot), 0)::float8 as launch_slot_bought,
        coalesce(sum(t.token_amount) filter (where t.type = 'buy' and t.signature = req.creation_signature), 0)::float8 as create_tx_bought
      from transactions t
      where t.token_id = req.token_id and t.success and t.block_time >= req.since and t.block_time <= req.as_of
      group by t.user_address
    ) u
  ) ranked
) h
cross join lateral (
  select count(*)::int as earlier_launches,
    count(*) filter (where p.is_graduated and coalesce(p.graduation_timestamp, req.as_of) <= req.as_of)::int as earlier_graduated,
    count(*) filter (where not coalesce(p.is_graduated, false) and p.last_trade_at < req.as_of - interval '1 hour')::int as earlier_dead
  from tokens p
  where req.creator_address is not null and p.creator_address = req.creator_address and p.id <> req.token_id
    and p.creation_timestamp < coalesce(req.creation_timestamp, req.as_of)
) c
cross join lateral (
  select count(*)::int as tagged_rows,
    sum(th.percentage_held) filter (where th.wallet_tags && array['dev']::text[])::float8 as dev_tagged_pct,
    sum(th.percentage_held) filter (where th.wallet_tags && array['sniper', 'bundled']::text[])::float8 as sniper_tagged_pct,
    sum(th.percentage_held) filter (where th.wallet_tags && array['bot']::text[])::float8 as bot_tagged_pct
  from top_holders th
  where $5::boolean and th.token_id = req.token_id and th.wallet_tags is not null and cardinality(th.wallet_tags) > 0
) g
left join lateral (
  select sm.twitter_followers, sm.telegram_members, sm.social_growth_rate_1h::float8 as growth_1h, sm.raw_data as social_raw
  from social_metrics sm
  where sm.token_id = req.token_id and sm."timestamp" <= req.as_of
  order by sm."timestamp" desc
  limit 1
) s on true
order by req.ord`;
