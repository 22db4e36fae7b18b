-- Up Migration

-- 5-minute candle buckets get marks of their own, refreshed on their own, slower schedule
-- (CANDLE_5M_REFRESH_INTERVAL_MS, default 5 s) instead of with every 1-minute refresh (1 s).
-- Why: a refresh re-aggregates the WHOLE bucket from `transactions` (that is what keeps candles exact under
-- late and replayed trades), so each run costs the bucket's trades so far, not the new ones: for a token
-- trading steadily, a 1m bucket is re-read ~30 times and a 5m bucket ~150 times per trade at a 1 s cadence.
-- The 5m refresh was the larger of the two statements (pg_stat_statements over a 104,128-trade ingest run:
-- 1,813 ms and 1,370 ms of execution for the two recomputations, 2,672 ms for the COPY of the trades
-- themselves). The 1m job now marks the 5m buckets of what it recomputed, in its own transaction (a crash
-- loses no mark); the 5m job takes those. 5m candles lag by up to the 5m interval; 1m candles keep theirs.
alter table candle_dirty_buckets
  add column width_minutes smallint not null default 1 check (width_minutes in (1, 5));

create index idx_candle_dirty_buckets_width on candle_dirty_buckets (width_minutes, id);

comment on column candle_dirty_buckets.width_minutes is '1: a 1-minute bucket to recompute (written with the trades); 5: a 5-minute bucket (written by the 1m refresh).';

-- Down Migration

-- A pending 5m mark holds its bucket's start, also a 1-minute bucket start: as a plain mark it makes the
-- former job recompute that 1m bucket and its 5m bucket, so nothing pending is lost.
drop index idx_candle_dirty_buckets_width;
alter table candle_dirty_buckets drop column width_minutes;
