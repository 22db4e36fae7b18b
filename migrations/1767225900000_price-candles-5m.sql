-- Up Migration

-- 5-minute candles per token (seed §4). Departures from the seed, each for a reason:
-- * open/high/low/close are NUMERIC without a scale cap (flaw 9): whole quote units per whole token,
--   the same unit as transactions.price_quote_per_token.
-- * volume_token / volume_sol are NUMERIC without a cap (exact sums of exact values). volume_sol keeps its
--   seed name but is in whole units of the token's quote mint (tokens.quote_mint), like transactions.sol_amount.
-- * Candles count successful trades only; open/close follow on-chain order (slot, tx_index, ix_index,
--   inner_ix_index), never wall clock. The analytics job rewrites a whole bucket from the trades.
--
-- TimescaleDB: hypertable on bucket with 1-day chunks. With 100k+ new tokens a week and ~10k tokens
-- trading in a given minute, a day of 1m candles is up to ~14M rows; the seed keeps them 7 days
-- (retention) and compresses after 1 day, so 1-day chunks compress as soon as they close.
-- 5m candles are a fifth of that; 1-day chunks keep 30 days of retention at 30 chunks.
create table price_candles_5m (
  token_id uuid not null references tokens (id),
  bucket timestamptz not null,
  open numeric not null,
  high numeric not null,
  low numeric not null,
  close numeric not null,
  volume_token numeric not null,
  volume_sol numeric not null,
  trade_count integer not null,
  buyer_count integer not null,
  seller_count integer not null,
  primary key (token_id, bucket)
);

comment on column price_candles_5m.open is 'Whole quote units per whole token (decimal-adjusted), first successful trade of the bucket in on-chain order.';
comment on column price_candles_5m.volume_sol is 'Sum of transactions.sol_amount: whole units of the token''s quote mint (not converted to SOL).';
comment on column price_candles_5m.buyer_count is 'Distinct wallets that bought in this 5-minute bucket.';
comment on column price_candles_5m.seller_count is 'Distinct wallets that sold in this 5-minute bucket.';

do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    perform create_hypertable('price_candles_5m', 'bucket', chunk_time_interval => interval '1 day');
  end if;
end
$$;

-- Down Migration

drop table price_candles_5m;
