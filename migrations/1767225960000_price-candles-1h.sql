-- Up Migration

-- Hourly candles rolled up from price_candles_5m (seed "Continuous Aggregates").
--
-- Departures from the seed, each for a reason:
-- * The seed gave the continuous aggregate no refresh policy, so it stayed empty (flaw 6). TimescaleDB
--   mode adds one: every 30 minutes, refresh [now - 7 days, now - 1 hour]. The window starts inside the
--   30-day retention of price_candles_5m, so a refresh never sees a source chunk retention already
--   dropped (which would erase hours that were materialized). Only invalidated ranges are recomputed,
--   so the 7-day window is cheap and also absorbs late candles (backfills). Real-time aggregation is on
--   (materialized_only = false): the newest, unmaterialized hour is computed from 5m at query time.
-- * buyer_count / seller_count of a 5m candle are distinct wallets in that 5 minutes; their sum over an
--   hour counts a wallet once per 5-minute bucket it traded in (flaw 7). The rolled-up columns are
--   therefore named buyer_bucket_sum / seller_bucket_sum (a measure of activity, not unique wallets).
--   Unique wallets per hour or day need the trades (transactions), not the candles.
--
-- Plain mode: a materialized view with the same columns and a unique index on (token_id, bucket), so the
-- service can REFRESH MATERIALIZED VIEW CONCURRENTLY it on the schedule in aggregate_refresh_settings.
-- first()/last() are TimescaleDB functions, so plain mode takes the ordered array's first element; buckets
-- are cut with date_bin at UTC, like time_bucket (no dependence on the session time zone).
create table aggregate_refresh_settings (
  view_name text primary key,
  source_relation text not null,
  bucket_width interval not null,
  start_offset interval not null,
  end_offset interval not null,
  schedule_interval interval not null,
  refreshed_by text not null check (refreshed_by in ('timescaledb', 'service'))
);

comment on table aggregate_refresh_settings is
  'Candle roll-ups and their refresh window. refreshed_by = service (plain mode): the service runs REFRESH MATERIALIZED VIEW CONCURRENTLY in the order of the rows (1h before 1d).';

do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    execute $sql$
      create materialized view price_candles_1h
      with (timescaledb.continuous, timescaledb.materialized_only = false) as
      select
        token_id,
        time_bucket(interval '1 hour', bucket) as bucket,
        first(open, bucket) as open,
        max(high) as high,
        min(low) as low,
        last(close, bucket) as close,
        sum(volume_token) as volume_token,
        sum(volume_sol) as volume_sol,
        sum(trade_count) as trade_count,
        sum(buyer_count) as buyer_bucket_sum,
        sum(seller_count) as seller_bucket_sum
      from price_candles_5m
      group by token_id, time_bucket(interval '1 hour', bucket)
      with no data
    $sql$;
    perform add_continuous_aggregate_policy('price_candles_1h',
      start_offset => interval '7 days',
      end_offset => interval '1 hour',
      schedule_interval => interval '30 minutes');
  else
    execute $sql$
      create materialized view price_candles_1h as
      select
        token_id,
        date_bin(interval '1 hour', bucket, timestamptz '2000-01-03 00:00:00+00') as bucket,
        (array_agg(open order by bucket))[1] as open,
        max(high) as high,
        min(low) as low,
        (array_agg(close order by bucket desc))[1] as close,
        sum(volume_token) as volume_token,
        sum(volume_sol) as volume_sol,
        sum(trade_count) as trade_count,
        sum(buyer_count) as buyer_bucket_sum,
        sum(seller_count) as seller_bucket_sum
      from price_candles_5m
      group by token_id, date_bin(interval '1 hour', bucket, timestamptz '2000-01-03 00:00:00+00')
    $sql$;
    create unique index idx_price_candles_1h_token_bucket on price_candles_1h (token_id, bucket);
  end if;

  insert into aggregate_refresh_settings values (
    'price_candles_1h', 'price_candles_5m', interval '1 hour', interval '7 days', interval '1 hour',
    interval '30 minutes',
    case when (select value from megatron_settings where key = 'db_mode') = 'timescaledb'
      then 'timescaledb' else 'service' end);
end
$$;

comment on column price_candles_1h.buyer_bucket_sum is 'Sum over the hour''s 5-minute candles of their distinct buyers: a wallet counts once per 5-minute bucket it bought in (NOT unique buyers per hour).';
comment on column price_candles_1h.seller_bucket_sum is 'Sum over the hour''s 5-minute candles of their distinct sellers (NOT unique sellers per hour).';

-- Down Migration

drop materialized view price_candles_1h;
drop table aggregate_refresh_settings;
