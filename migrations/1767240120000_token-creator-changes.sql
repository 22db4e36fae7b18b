-- Up Migration

-- Creator changes of a coin (Pump.fun admin_cto community takeovers since 2026-09, set_creator, the retired
-- admin_set_creator, migrate_bonding_curve_creator). tokens.creator_address follows the newest change (the
-- curve's creator as the program now has it); this table keeps every change, so the earlier creators
-- stay visible: the first change's old_creator is the creator at launch.
-- * Key (token_id, signature, ix_index, inner_ix_index): one change per invocation; the position is the
--   invocation's (the same from a self-CPI or a log line), so a replay inserts nothing.
-- * slot, tx_index, event_index order the changes; the newest decides tokens.creator_address, whatever
--   order the batches come in (a backfill of older history never moves the creator back).
-- * old_creator is NULL when the event does not name it (SetCreatorEvent) and no earlier creator was
--   known; details keeps the takeover's settings (is_holder_reward, old/new creator fee bps).
-- * A plain table, not a hypertable: a handful of rows per coin at most.
create table token_creator_changes (
  token_id uuid not null,
  signature varchar(88) not null,
  ix_index integer not null check (ix_index >= 0),
  inner_ix_index integer not null default -1 check (inner_ix_index >= -1),
  event_index integer not null check (event_index >= 0),
  block_time timestamptz not null,
  slot bigint not null,
  tx_index integer,
  change_source varchar(40) not null,
  old_creator varchar(44),
  new_creator varchar(44) not null,
  authority varchar(44),
  details jsonb,
  created_at timestamptz default now(),
  primary key (token_id, signature, ix_index, inner_ix_index)
);

create index idx_token_creator_changes_new_creator on token_creator_changes (new_creator);
create index idx_token_creator_changes_old_creator on token_creator_changes (old_creator);

comment on table token_creator_changes is 'Every creator change of a coin; tokens.creator_address is the newest new_creator.';

-- Down Migration

drop table token_creator_changes;
