-- Up Migration

-- Token master data (seed §1). Departures from the seed, each for a reason:
-- * id stays a UUID, but the service derives it as a name-based UUID v5 of the mint address so a trade
--   can be written without a round trip; gen_random_uuid() (core since PG13, no pgcrypto) is a fallback.
-- * creation_signature / creation_timestamp / creator_address are NULLABLE: a token first seen through a
--   trade (created before ingestion started, or during an outage) exists before a backfill finds its
--   creation (flaw 10). discovery_source says how the row came to be.
-- * symbol and name are TEXT: Token-2022 metadata (Pump.fun create_v2) has no 10/32-character limits and a
--   real token must never be rejected (flaw 13).
-- * initial_supply NUMERIC(39,0): raw base units, the same width as every other raw amount (u64 fits in
--   20 digits, 39 digits also holds u128).
-- * no idx_tokens_mint_address: the UNIQUE constraint already indexes mint_address (flaw 14).
create table tokens (
  id uuid primary key default gen_random_uuid(),
  mint_address varchar(44) unique not null,
  symbol text,
  name text,
  decimals integer not null default 6 check (decimals between 0 and 255),
  platform varchar(20) not null check (platform in ('pumpfun', 'raydium_launchpad')),
  discovery_source varchar(20) not null
    check (discovery_source in ('create_event', 'trade', 'backfill', 'rpc')),
  creation_signature varchar(88),
  creation_timestamp timestamptz,
  creator_address varchar(44),
  quote_mint varchar(44),
  token_program varchar(44),
  bonding_curve_address varchar(44),
  initial_supply numeric(39,0),
  metadata jsonb,
  is_graduated boolean default false,
  graduation_timestamp timestamptz,
  graduation_signature varchar(88),
  last_trade_slot bigint,
  last_trade_at timestamptz,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  -- A row born from the create event knows its creation; other sources may learn it later.
  constraint tokens_create_event_has_creation check (
    discovery_source <> 'create_event'
    or (creation_signature is not null and creation_timestamp is not null)
  )
);

comment on column tokens.id is 'UUID v5 of mint_address, derived by the service (random UUID only as a fallback).';
comment on column tokens.discovery_source is 'How the token was first seen: create_event (its create instruction/event), trade (a trade for an unknown mint), backfill, rpc.';
comment on column tokens.quote_mint is 'Mint of the quote side of its launch pool (wrapped SOL, USDC, USD1...).';
comment on column tokens.token_program is 'SPL Token or Token-2022 program id of the mint.';
comment on column tokens.bonding_curve_address is 'Launch pool: the Pump.fun bonding curve or the LaunchLab pool state.';
comment on column tokens.initial_supply is 'Raw base units (not decimal-adjusted).';
comment on column tokens.last_trade_slot is 'Slot of the newest applied trade (newer-slot-wins updates).';

create index idx_tokens_platform on tokens (platform);
create index idx_tokens_creation_timestamp on tokens (creation_timestamp);
create index idx_tokens_creator on tokens (creator_address);
create index idx_tokens_graduated on tokens (is_graduated);

-- Down Migration

drop table tokens;
