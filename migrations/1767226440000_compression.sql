-- Up Migration

-- Compression of old chunks (seed "Compression policies"), TimescaleDB mode only.
-- The seed called add_compression_policy without first enabling compression, which fails (flaws 3 and 4).
-- Compression is enabled per hypertable first, segmented by token_id (queries are per token, and a
-- segment then decompresses only the token asked for) and ordered by time descending (newest first,
-- what charts read). Policies as in the seed: transactions after 7 days, 1m candles after 1 day, 5m
-- candles after 7 days. system_metrics is not compressed (the seed does not ask for it; it is tiny).
-- Plain PostgreSQL has no compression: nothing to do, and nothing for the service to do either.
do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    alter table transactions set (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'token_id',
      timescaledb.compress_orderby = 'block_time desc'
    );
    alter table price_candles_1m set (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'token_id',
      timescaledb.compress_orderby = 'bucket desc'
    );
    alter table price_candles_5m set (
      timescaledb.compress,
      timescaledb.compress_segmentby = 'token_id',
      timescaledb.compress_orderby = 'bucket desc'
    );
    perform add_compression_policy('transactions', interval '7 days');
    perform add_compression_policy('price_candles_1m', interval '1 day');
    perform add_compression_policy('price_candles_5m', interval '7 days');
  end if;
end
$$;

-- Down Migration

-- Compressed chunks must be decompressed before compression can be switched off.
do $$
declare
  hypertable text;
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    foreach hypertable in array array['transactions', 'price_candles_1m', 'price_candles_5m'] loop
      perform remove_compression_policy(hypertable, if_exists => true);
      perform decompress_chunk(chunk, true) from show_chunks(hypertable) as chunk;
      execute format('alter table %I set (timescaledb.compress = false)', hypertable);
    end loop;
  end if;
end
$$;
