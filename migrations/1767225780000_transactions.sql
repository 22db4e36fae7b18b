-- Up Migration

-- Trades (seed §3 "transactions"). Departures from the seed, each for a reason:
-- * Key (signature, ix_index, inner_ix_index, block_time), not signature alone: one transaction can hold
--   many trades (bundlers, routers, aggregators), so a trade is its signature plus its instruction
--   position (flaw 8); on a hypertable every unique key must contain the time column (flaw 1).
--   inner_ix_index is -1 for a top-level instruction, never NULL, because NULLs are distinct in a key
--   and would let a replay insert the same trade twice.
--   block_time must be the block's time (identical on every replay), never the wall clock.
-- * slot, tx_index (position of the transaction in its block) and event_index (order of the event in its
--   transaction) give the on-chain order inside a slot; candles open/close follow it, never wall clock.
-- * quote_mint: not every pair is against SOL (USDC-paired Pump.fun coins, USD1 LaunchLab pools).
--   sol_amount keeps its seed name but means: quote raw amount / 10^quote_decimals, i.e. the amount in
--   whole units OF quote_mint (SOL for wrapped-SOL pairs, USDC for USDC pairs). It is never converted
--   to SOL; sum it only per quote_mint (flaw 12).
-- * raw amounts and fees are NUMERIC(39,0) (u64 always fits; the seed's (30,0)/(20,0) were arbitrary).
-- * normalized amounts and prices are NUMERIC without a scale cap: exact, and a fresh Pump.fun price of
--   ~0.000000028 SOL keeps all its digits (flaw 9). Two price columns, each with its unit:
--     price_per_token        = raw quote units per raw token unit (lamports per base unit for SOL pairs)
--     price_quote_per_token  = whole quote units per whole token (decimal-adjusted; sol_amount/token_amount)
-- * creator_fee (Pump.fun creator rewards); error_code widened to TEXT (runtime error codes are not
--   bounded to 50 characters).
-- * A failed transaction's attempt is stored with success = false and has NO effect on reserves, candles
--   or holders: readers filter on success (flaw 15).
-- * virtual/real reserves after the trade, when the event carries them, so pool state and candles can be
--   recomputed from this table alone.
-- * Foreign keys to tokens and pools are kept: TimescaleDB 2.x supports FKs from a hypertable to a plain
--   table, the pipeline upserts the token and pool (UUID v5 ids) in the same database transaction before
--   their trades, and a trade without its token is a bug we want to see, not silently store.
--   (Later measured as a quarter of the insert rate: migration 1767231240000 drops them; see its comment.)
--
-- TimescaleDB: a hypertable on block_time with 6-hour chunks. Sizing: at a sustained 1,000 trades/s a
-- chunk holds ~21.6M rows (~8-10 GB with its indexes), small enough for the active chunk and its indexes
-- to stay in memory on a 32-64 GB server (TimescaleDB's guidance: ~25% of RAM); 1-day chunks would be 4x
-- that. 90 days of retention is 360 chunks, cheap for the planner; compression after 7 days works on
-- closed chunks only.
create table transactions (
  signature varchar(88) not null,
  ix_index integer not null check (ix_index >= 0),
  inner_ix_index integer not null default -1 check (inner_ix_index >= -1),
  event_index integer not null default 0 check (event_index >= 0),
  block_time timestamptz not null,
  slot bigint not null,
  tx_index integer,
  pool_id uuid not null references pools (id),
  token_id uuid not null references tokens (id),
  type varchar(20) not null check (type in ('buy', 'sell', 'add_liquidity', 'remove_liquidity')),
  user_address varchar(44) not null,
  quote_mint varchar(44) not null,

  -- Amounts (raw values with their decimals)
  amount_in numeric(39,0) not null,
  amount_in_decimals integer not null,
  amount_out numeric(39,0) not null,
  amount_out_decimals integer not null,

  -- Calculated values
  sol_amount numeric,
  token_amount numeric,
  price_per_token numeric,
  price_quote_per_token numeric,

  -- Fees (raw quote units)
  protocol_fee numeric(39,0),
  platform_fee numeric(39,0),
  share_fee numeric(39,0),
  creator_fee numeric(39,0),
  transaction_fee bigint,

  -- Reserves after the trade (raw units), when the event carries them
  virtual_sol_reserves numeric(39,0),
  virtual_token_reserves numeric(39,0),
  real_sol_reserves numeric(39,0),
  real_token_reserves numeric(39,0),

  success boolean not null default true,
  error_code text,
  raw_data jsonb,
  created_at timestamptz default now(),
  primary key (signature, ix_index, inner_ix_index, block_time)
);

comment on column transactions.ix_index is 'Top-level instruction index of the trade inside its transaction.';
comment on column transactions.inner_ix_index is 'Inner instruction index of the trade (its event self-CPI or program invocation); -1 for a top-level instruction.';
comment on column transactions.tx_index is 'Position of the transaction in its block (null when the source does not say).';
comment on column transactions.event_index is 'Order of the event among all events of its transaction (0-based).';
comment on column transactions.quote_mint is 'Mint of the quote side (wrapped SOL, USDC, USD1...).';
comment on column transactions.sol_amount is 'Quote amount in whole units of quote_mint = quote raw / 10^quote_decimals. NOT converted to SOL when the quote is another mint.';
comment on column transactions.token_amount is 'Token amount in whole tokens = raw / 10^token decimals.';
comment on column transactions.price_per_token is 'Raw quote units per raw token unit (lamports per base unit for SOL pairs).';
comment on column transactions.price_quote_per_token is 'Whole quote units (of quote_mint) per whole token, decimal-adjusted.';
comment on column transactions.transaction_fee is 'Lamports paid by the transaction; repeated on each trade of the same transaction.';
comment on column transactions.success is 'False for an attempt inside a failed transaction: recorded, never applied to reserves, candles or holders.';
comment on column transactions.virtual_sol_reserves is 'Quote-side virtual reserves after this trade, raw units.';

do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    perform create_hypertable('transactions', 'block_time', chunk_time_interval => interval '6 hours');
  end if;
end
$$;

create index idx_transactions_token_id_time on transactions (token_id, block_time desc);
create index idx_transactions_pool_id_time on transactions (pool_id, block_time desc);
create index idx_transactions_user_time on transactions (user_address, block_time desc);
create index idx_transactions_type on transactions (type);
create index idx_transactions_slot on transactions (slot);

-- Down Migration

drop table transactions;
