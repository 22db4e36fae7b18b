-- Up Migration

-- Not in the seed. Which 1-minute candle buckets have new trades and must be recomputed. The batch
-- writer inserts (token_id, bucket) here in the same database transaction as the trades; the candle job
-- takes the rows (delete ... returning) and rewrites those 1m buckets and their 5m buckets from
-- `transactions` in one transaction. Why not recompute inside every batch: a busy token's bucket is
-- touched by many consecutive batches, and re-aggregating the whole bucket each time grew with the
-- square of its trade count (measured: candles took ~30 % of write time at 20,000 trades/s bursts);
-- collecting the keys first recomputes each bucket once per job run, and a crash loses nothing because
-- the keys commit with their trades.
-- Append-only on purpose (no unique key on token/bucket): with one, a batch's insert of a key the job was
-- deleting had to wait for the job's whole transaction (seen as latency spikes); now writers never wait,
-- and the job de-duplicates what it takes.
create table candle_dirty_buckets (
  id bigint generated always as identity primary key,
  token_id uuid not null,
  bucket timestamptz not null
);

comment on table candle_dirty_buckets is '1-minute buckets (token, bucket start) whose candles must be recomputed from transactions.';

-- Down Migration

drop table candle_dirty_buckets;
