-- Up Migration

-- Not in the seed. The token-metadata job (src/analytics/jobs/token-metadata-job.ts) reads over RPC what a
-- token first seen through a trade lacks: name, symbol and uri (Metaplex metadata account for SPL mints, the
-- Token-2022 metadata extension), decimals and token program (the mint account), and the quote mint's
-- decimals. One row per token it has tried: a read that answered everything ('complete') is never repeated;
-- one that found nothing or failed is retried after a back-off that doubles per attempt (shared/backoff.ts,
-- capped by TOKEN_METADATA_RETRY_MAX_MS), so a mint without metadata costs one read per back-off period,
-- not one per run, and the job's reads survive a restart.
create table token_metadata_reads (
  token_id uuid primary key references tokens (id),
  outcome varchar(20) not null check (outcome in ('complete', 'incomplete', 'failed')),
  -- Where name/symbol/uri came from: 'metaplex' (metadata PDA), 'token_2022' (mint extension), null (none found).
  source varchar(20) check (source in ('metaplex', 'token_2022')),
  attempts integer not null default 1 check (attempts >= 1),
  last_attempt_at timestamptz not null,
  next_attempt_at timestamptz,
  -- The RPC answer's slot (context.slot) of the last read.
  slot bigint,
  last_error text
);

comment on table token_metadata_reads is 'RPC reads of token metadata by the token-metadata job: outcome, source and when to try again.';

-- The job's candidates: tokens still missing a name, decimals or quote decimals, newest trade first. Partial,
-- so the index holds only the tokens the job still has work for (a handful), not every token ever seen.
create index idx_tokens_missing_metadata on tokens (last_trade_at desc nulls last)
  where coalesce(name, '') = '' or decimals is null or quote_decimals is null;

-- Down Migration

drop index idx_tokens_missing_metadata;
drop table token_metadata_reads;
