-- Up Migration

-- Periodic holder snapshots (seed §5), as in the seed except that the unit of the holder buckets, of
-- the holding sizes and of the concentrations is written down (the seed never said):
-- * holders_1_100 ... holders_100k_plus count holders by the WHOLE-TOKEN amount they hold (raw balance /
--   10^decimals), not by its value in SOL or USD: the bucket of a holder then does not move with the
--   price, and a snapshot is reproducible from holder_balances alone. Bounds: [1, 100), [100, 1k),
--   [1k, 10k), [10k, 100k), [100k, +inf); holders of less than 1 whole token are in total_holders only.
-- * average/median_holding_size are whole tokens; *_concentration are percent (0-100) of the supply
--   held by the top N; gini_coefficient is 0-1.
create table holder_snapshots (
  id uuid primary key default gen_random_uuid(),
  token_id uuid not null references tokens (id),
  snapshot_time timestamptz not null,
  total_holders integer not null,
  unique_holders integer not null,

  -- Distribution metrics
  top_10_concentration numeric(5,2),
  top_25_concentration numeric(5,2),
  top_100_concentration numeric(5,2),
  gini_coefficient numeric(5,4),

  -- Holder categories
  holders_1_100 integer default 0,
  holders_100_1k integer default 0,
  holders_1k_10k integer default 0,
  holders_10k_100k integer default 0,
  holders_100k_plus integer default 0,

  -- Quality metrics
  average_holding_size numeric(30,6),
  median_holding_size numeric(30,6),
  diamond_hands_count integer default 0,

  raw_distribution jsonb,
  created_at timestamptz default now()
);

comment on column holder_snapshots.holders_1_100 is 'Holders with 1 <= balance < 100 WHOLE tokens (raw / 10^decimals); not a SOL or USD value.';
comment on column holder_snapshots.holders_100_1k is 'Holders with 100 <= balance < 1,000 whole tokens.';
comment on column holder_snapshots.holders_1k_10k is 'Holders with 1,000 <= balance < 10,000 whole tokens.';
comment on column holder_snapshots.holders_10k_100k is 'Holders with 10,000 <= balance < 100,000 whole tokens.';
comment on column holder_snapshots.holders_100k_plus is 'Holders with balance >= 100,000 whole tokens.';
comment on column holder_snapshots.average_holding_size is 'Whole tokens (decimal-adjusted).';
comment on column holder_snapshots.median_holding_size is 'Whole tokens (decimal-adjusted).';
comment on column holder_snapshots.top_10_concentration is 'Percent (0-100) of the supply held by the 10 largest holders.';
comment on column holder_snapshots.diamond_hands_count is 'Holders that have held for more than 24 hours.';

create index idx_holder_snapshots_token_time on holder_snapshots (token_id, snapshot_time desc);

-- Down Migration

drop table holder_snapshots;
