-- Up Migration

-- Not in the seed. The last slot whose rows are fully committed, per stream, written in the same
-- database transaction as those rows ("checkpoint after commit"); on restart the stream resumes from it.
create table stream_checkpoints (
  stream text primary key,
  last_committed_slot bigint not null check (last_committed_slot >= 0),
  updated_at timestamptz not null default now()
);

comment on column stream_checkpoints.stream is 'Name of the ingest stream (e.g. the Yellowstone subscription name).';
comment on column stream_checkpoints.last_committed_slot is 'Every row up to and including this slot is committed.';

-- Down Migration

drop table stream_checkpoints;
