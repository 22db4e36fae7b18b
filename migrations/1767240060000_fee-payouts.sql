-- Up Migration

-- Fee payouts: fees kept on a curve (or pool) and paid out later by a sweep (Pump.fun
-- SweepBondingCurveFeeEvent, 2026-10: sweep_protocol_fee / sweep_creator_fee; MAINNET-2026 §1.6 "Fee income
-- is in the trade events. Payouts are in the sweep events. Do not count both as income.").
-- Why a table of its own: no table had a place for them. A payout is not a trade (no price, no tokens,
-- nothing for candles or holders), and its amount is not a trade fee: the trades that charged it already
-- carry it (transactions.protocol_fee / creator_fee / creator_fee_unclaimed). Kept apart, a sum of trade
-- fees stays the income and a sum of payouts says what left the curve, to whom.
-- * Key (signature, ix_index, inner_ix_index, bucket): one sweep instruction pays one bucket; the position
--   is the invocation's, the same whether the event was read from its self-CPI or its log line. No
--   block_time in the key: a plain table (sweeps are a few per coin, not a stream like trades), so no
--   hypertable rule applies.
-- * venue_address is the curve (or pool) the fee was kept on; pool_id its row in pools when we have it.
-- * amount numeric(39,0) raw units of quote_mint, as every raw amount; bucket 'unknown' keeps a payout of a
--   bucket value newer than ours instead of dropping it.
create table fee_payouts (
  signature varchar(88) not null,
  ix_index integer not null check (ix_index >= 0),
  inner_ix_index integer not null default -1 check (inner_ix_index >= -1),
  event_index integer not null check (event_index >= 0),
  block_time timestamptz not null,
  slot bigint not null,
  tx_index integer,
  token_id uuid not null,
  pool_id uuid,
  venue_address varchar(44) not null,
  program varchar(20) not null,
  quote_mint varchar(44) not null,
  recipient varchar(44) not null,
  amount numeric(39,0) not null check (amount >= 0),
  bucket varchar(10) not null check (bucket in ('protocol', 'creator', 'unknown')),
  created_at timestamptz default now(),
  primary key (signature, ix_index, inner_ix_index, bucket)
);

create index idx_fee_payouts_token_time on fee_payouts (token_id, block_time desc);
create index idx_fee_payouts_recipient_time on fee_payouts (recipient, block_time desc);

comment on table fee_payouts is 'Kept fees paid out later (sweeps). Payouts of income the trades already carry: never add them to trade fees.';

-- Down Migration

drop table fee_payouts;
