-- Up Migration

-- Trading signals and their performance (seed §8). One departure: every price is NUMERIC without a scale
-- cap (flaw 9; NUMERIC(30,10) kept 2-3 significant digits of a fresh token's price). Prices are whole
-- quote units per whole token, like transactions.price_quote_per_token.
create table trading_signals (
  id uuid primary key default gen_random_uuid(),
  token_id uuid not null references tokens (id),
  signal_time timestamptz not null,
  signal_type varchar(20) not null check (signal_type in ('buy', 'sell', 'hold')),

  -- Signal details
  score_at_signal integer not null,
  price_at_signal numeric not null,
  market_cap_at_signal numeric(20,2),
  ml_probability_at_signal numeric(5,4),

  -- Thresholds that triggered signal
  triggered_by text[],
  signal_strength varchar(20),

  -- Execution details (if acted upon)
  was_executed boolean default false,
  execution_time timestamptz,
  execution_price numeric,
  execution_signature varchar(88),

  -- Performance tracking
  peak_price numeric,
  peak_time timestamptz,
  exit_price numeric,
  exit_time timestamptz,
  realized_pnl numeric(10,2),
  max_drawdown numeric(10,2),

  signal_metadata jsonb,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

comment on column trading_signals.price_at_signal is 'Whole quote units per whole token (decimal-adjusted).';

create index idx_trading_signals_token on trading_signals (token_id);
create index idx_trading_signals_time on trading_signals (signal_time desc);
create index idx_trading_signals_executed on trading_signals (was_executed);

-- Down Migration

drop table trading_signals;
