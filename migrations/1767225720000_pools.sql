-- Up Migration

-- Pools and bonding curves (seed §2). Departures from the seed, each for a reason:
-- * platform has a CHECK with the venues that exist now: Pump.fun graduates to PumpSwap (since March 2025),
--   LaunchLab migrates to Raydium AMM v4 or CPMM. The graduated pool is a different pool on a different
--   program, so it is its own row, linked from the curve by migrated_to_pool_id (flaw 11).
-- * pool_type and program_id say what kind of pool the row is and which program owns it.
-- * prices are NUMERIC without a scale cap: NUMERIC(30,10) left 2-3 significant digits of a fresh
--   Pump.fun price (flaw 9).
-- * reserves and liquidity are NUMERIC(39,0) raw units (u64 fits; 39 digits holds u128 too).
-- * bonding_curve_progress is checked to 0..100 (percent).
-- * status has a CHECK and is NOT NULL; last_slot/last_tx_index let state updates be newer-slot-wins.
-- * id: UUID v5 of pool_address derived by the service; gen_random_uuid() is a fallback.
create table pools (
  id uuid primary key default gen_random_uuid(),
  pool_address varchar(44) unique not null,
  token_id uuid not null references tokens (id),
  base_mint varchar(44) not null,
  quote_mint varchar(44) not null,
  platform varchar(20) not null check (
    platform in ('pumpfun', 'raydium_launchpad', 'pumpswap', 'raydium_amm_v4', 'raydium_cpmm')
  ),
  pool_type varchar(20) not null check (pool_type in ('bonding_curve', 'launchpad', 'amm')),
  program_id varchar(44) not null,
  initial_price numeric,
  initial_base_liquidity numeric(39,0),
  initial_quote_liquidity numeric(39,0),

  -- Pump.fun bonding curve (LaunchLab pools fill the same reserve columns from their pool state)
  bonding_curve_address varchar(44),
  virtual_sol_reserves numeric(39,0),
  virtual_token_reserves numeric(39,0),
  real_sol_reserves numeric(39,0),
  real_token_reserves numeric(39,0),
  bonding_curve_progress numeric(5,2) check (bonding_curve_progress between 0 and 100),

  -- Raydium specific
  lp_mint varchar(44),
  base_vault varchar(44),
  quote_vault varchar(44),

  migrated_to_pool_id uuid references pools (id),
  status varchar(20) not null default 'active' check (status in ('active', 'complete', 'migrated')),
  last_slot bigint,
  last_tx_index integer,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

comment on column pools.initial_price is 'Quote units per whole token (decimal-adjusted), as the launch event states it.';
comment on column pools.virtual_sol_reserves is 'Quote-side virtual reserves in raw quote units (lamports when the quote is SOL).';
comment on column pools.bonding_curve_progress is 'Percent (0-100) of the curve sold.';
comment on column pools.migrated_to_pool_id is 'On a bonding curve / launchpad row: the AMM pool it graduated to (PumpSwap, Raydium AMM v4, CPMM).';
comment on column pools.last_slot is 'Slot of the state in the reserve columns; an update applies only when (slot, tx_index) is newer.';

create index idx_pools_token_id on pools (token_id);
create index idx_pools_platform on pools (platform);
create index idx_pools_status on pools (status);
create index idx_pools_migrated_to on pools (migrated_to_pool_id) where migrated_to_pool_id is not null;

-- Down Migration

drop table pools;
