-- Up Migration

-- Not in the seed. The mint's authorities and Token-2022 extensions as read once over RPC
-- (getAccountInfo of the mint), for launches whose create instruction does not settle them (Raydium
-- LaunchLab, tokens discovered through a trade). Kept so a restart or a backtest does not read the
-- chain again; Pump.fun launches never need a row (their settings are fixed by the program).
create table token_mint_facts (
  token_id uuid primary key references tokens (id),
  facts jsonb not null,
  read_at timestamptz not null,
  -- Slot of the RPC answer (context.slot): the facts are true as of this slot.
  slot bigint
);

-- Down Migration

drop table token_mint_facts;
