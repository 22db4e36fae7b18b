-- Up Migration

-- Not in the seed. Input that could not be decoded or stored, with its raw bytes and the reason
-- (QuarantineRecord in src/decoders/types.ts). A replay of the same input must not add a row: content_key
-- is a hash of what identifies the input (stage, program, discriminator, signature, slot, position and
-- the raw bytes; NOT the reason, whose wording may change between versions), and writers upsert:
--   insert ... on conflict (content_key) do update
--     set count = quarantine.count + excluded.count, last_seen = excluded.last_seen, reason = excluded.reason
-- (deduplicate within one statement first: ON CONFLICT cannot touch the same row twice).
create table quarantine (
  id bigint generated always as identity primary key,
  stage text not null check (stage in ('normalize', 'decode', 'store')),
  program text,
  discriminator text,
  raw bytea not null,
  reason text not null,
  signature varchar(88),
  slot bigint,
  outer_index integer,
  inner_index integer,
  first_seen timestamptz not null default now(),
  last_seen timestamptz not null default now(),
  count bigint not null default 1 check (count >= 1),
  content_key text generated always as (
    md5(
      stage || '|' || coalesce(program, '') || '|' || coalesce(discriminator, '') || '|'
      || coalesce(signature, '') || '|' || coalesce(slot::text, '') || '|'
      || coalesce(outer_index::text, '') || '|' || coalesce(inner_index::text, '') || '|' || md5(raw)
    )
  ) stored,
  constraint quarantine_content_key_unique unique (content_key)
);

comment on column quarantine.content_key is 'md5 of stage, program, discriminator, signature, slot, position and md5(raw): the identity of a quarantined input.';
comment on column quarantine.count is 'How many times this input was seen (replays bump it).';

create index idx_quarantine_last_seen on quarantine (last_seen desc);
create index idx_quarantine_signature on quarantine (signature) where signature is not null;

-- Down Migration

drop table quarantine;
