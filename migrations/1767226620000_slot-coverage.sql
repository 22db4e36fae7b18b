-- Up Migration

-- Not in the seed. The slot-coverage ledger: which slot ranges each stream ingested, which are gaps the
-- stream could not replay, and which a backfill filled (or failed to fill). Ranges are inclusive
-- [from_slot, to_slot].
-- Rule: ranges of one stream never overlap, so every slot has exactly one status. With btree_gist this is
-- an exclusion constraint; writers therefore record forward ranges (last checkpoint + 1 .. new slot) and
-- change a gap's status in place (splitting the row when a backfill covers only part of it). An
-- `insert ... on conflict do nothing` skips a range that overlaps an existing one.
-- Without btree_gist (not shipped everywhere) the rule cannot be enforced by an index: the same columns
-- get a plain btree index and the rule is the writer's.
create table slot_coverage (
  id bigint generated always as identity primary key,
  stream text not null,
  from_slot bigint not null check (from_slot >= 0),
  to_slot bigint not null,
  status text not null check (status in ('ingested', 'gap', 'backfilled', 'backfill_failed')),
  reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint slot_coverage_range_order check (from_slot <= to_slot)
);

comment on column slot_coverage.reason is 'Why a gap exists or a backfill failed (free text).';

do $$
begin
  if exists (select 1 from pg_extension where extname = 'btree_gist') then
    alter table slot_coverage add constraint slot_coverage_no_overlap
      exclude using gist (stream with =, int8range(from_slot, to_slot, '[]') with &&);
  else
    create index idx_slot_coverage_stream_range on slot_coverage (stream, from_slot, to_slot);
  end if;
end
$$;

create index idx_slot_coverage_open_gaps on slot_coverage (stream, from_slot)
  where status in ('gap', 'backfill_failed');

-- Down Migration

drop table slot_coverage;
