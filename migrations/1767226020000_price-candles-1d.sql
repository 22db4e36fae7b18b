-- Up Migration

-- Daily candles rolled up from price_candles_1h (a hierarchical continuous aggregate in TimescaleDB mode).
-- Counts are cast back to bigint (a sum of bigints is numeric), so 1h and 1d have the same types.
-- Same departures as price_candles_1h: a refresh policy (flaw 6) and the *_bucket_sum names (flaw 7; here
-- the sum over the day's 5-minute buckets). The policy refreshes [now - 30 days, now - 1 day] every hour:
-- price_candles_1h has no retention, so the window is only bounded by cost; only invalidated ranges are
-- recomputed. Real-time aggregation is on, so today's bucket is visible before it is materialized.
-- Plain mode: a materialized view over the 1h view, refreshed by the service after price_candles_1h.
do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    execute $sql$
      create materialized view price_candles_1d
      with (timescaledb.continuous, timescaledb.materialized_only = false) as
      select
        token_id,
        time_bucket(interval '1 day', bucket) as bucket,
        first(open, bucket) as open,
        max(high) as high,
        min(low) as low,
        last(close, bucket) as close,
        sum(volume_token) as volume_token,
        sum(volume_sol) as volume_sol,
        sum(trade_count)::bigint as trade_count,
        sum(buyer_bucket_sum)::bigint as buyer_bucket_sum,
        sum(seller_bucket_sum)::bigint as seller_bucket_sum
      from price_candles_1h
      group by token_id, time_bucket(interval '1 day', bucket)
      with no data
    $sql$;
    perform add_continuous_aggregate_policy('price_candles_1d',
      start_offset => interval '30 days',
      end_offset => interval '1 day',
      schedule_interval => interval '1 hour');
  else
    execute $sql$
      create materialized view price_candles_1d as
      select
        token_id,
        date_bin(interval '1 day', bucket, timestamptz '2000-01-03 00:00:00+00') as bucket,
        (array_agg(open order by bucket))[1] as open,
        max(high) as high,
        min(low) as low,
        (array_agg(close order by bucket desc))[1] as close,
        sum(volume_token) as volume_token,
        sum(volume_sol) as volume_sol,
        sum(trade_count)::bigint as trade_count,
        sum(buyer_bucket_sum)::bigint as buyer_bucket_sum,
        sum(seller_bucket_sum)::bigint as seller_bucket_sum
      from price_candles_1h
      group by token_id, date_bin(interval '1 day', bucket, timestamptz '2000-01-03 00:00:00+00')
    $sql$;
    create unique index idx_price_candles_1d_token_bucket on price_candles_1d (token_id, bucket);
  end if;

  insert into aggregate_refresh_settings values (
    'price_candles_1d', 'price_candles_1h', interval '1 day', interval '30 days', interval '1 day',
    interval '1 hour',
    case when (select value from megatron_settings where key = 'db_mode') = 'timescaledb'
      then 'timescaledb' else 'service' end);
end
$$;

comment on column price_candles_1d.buyer_bucket_sum is 'Sum over the day''s 5-minute candles of their distinct buyers (NOT unique buyers per day).';
comment on column price_candles_1d.seller_bucket_sum is 'Sum over the day''s 5-minute candles of their distinct sellers (NOT unique sellers per day).';

-- Down Migration

drop materialized view price_candles_1d;
delete from aggregate_refresh_settings where view_name = 'price_candles_1d';
