-- Up Migration

-- Which mode this database runs in, decided once, here, and read by every later migration and by the
-- service (src/postgres/database-mode.ts). The seed assumed TimescaleDB and never created the extension
-- (SCHEMA-NOTES flaw 5); we create it when the server offers it, and otherwise run the same tables as
-- plain PostgreSQL, where the service refreshes the candle views and applies retention itself.
--
-- Detection: `timescaledb` listed in pg_available_extensions. An operator can force plain mode on a
-- TimescaleDB server with the session setting `megatron.db_mode=plain` (e.g. PGOPTIONS='-c megatron.db_mode=plain').
-- If the extension is listed but cannot be created (e.g. not in shared_preload_libraries) the migration
-- fails with a hint, rather than silently building a plain-mode database on a TimescaleDB server.
create table megatron_settings (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now(),
  constraint megatron_settings_db_mode_check
    check (key <> 'db_mode' or value in ('timescaledb', 'plain'))
);

comment on table megatron_settings is
  'Facts about this database the service reads at start-up: db_mode (timescaledb|plain), why, and which extensions the migrations created (so the down migration drops only those).';

do $$
declare
  wanted text := coalesce(nullif(current_setting('megatron.db_mode', true), ''), 'auto');
  mode text := 'plain';
  why text := 'timescaledb is not available on this server';
  created_timescaledb boolean := false;
  created_btree_gist boolean := false;
begin
  if wanted not in ('auto', 'plain', 'timescaledb') then
    raise exception 'megatron.db_mode must be auto, plain or timescaledb, got %', wanted;
  end if;
  if wanted = 'plain' then
    why := 'forced by megatron.db_mode=plain';
  elsif exists (select 1 from pg_available_extensions where name = 'timescaledb') then
    created_timescaledb := not exists (select 1 from pg_extension where extname = 'timescaledb');
    begin
      create extension if not exists timescaledb;
    exception when others then
      raise exception 'timescaledb is available but could not be created: %', sqlerrm
        using hint = 'add timescaledb to shared_preload_libraries, or run the migrations with '
          'PGOPTIONS=''-c megatron.db_mode=plain'' to use plain PostgreSQL mode';
    end;
    mode := 'timescaledb';
    why := 'timescaledb extension available';
  elsif wanted = 'timescaledb' then
    raise exception 'megatron.db_mode=timescaledb but timescaledb is not available on this server';
  end if;

  -- btree_gist lets slot_coverage exclude overlapping ranges per stream (text equality inside a GiST index).
  if exists (select 1 from pg_available_extensions where name = 'btree_gist') then
    created_btree_gist := not exists (select 1 from pg_extension where extname = 'btree_gist');
    create extension if not exists btree_gist;
  end if;

  insert into megatron_settings (key, value) values
    ('db_mode', mode),
    ('db_mode_reason', why),
    ('created_extension_timescaledb', created_timescaledb::text),
    ('created_extension_btree_gist', created_btree_gist::text);
end
$$;

-- Down Migration

do $$
declare
  drop_timescaledb boolean := coalesce((select value::boolean from megatron_settings where key = 'created_extension_timescaledb'), false);
  drop_btree_gist boolean := coalesce((select value::boolean from megatron_settings where key = 'created_extension_btree_gist'), false);
begin
  drop table megatron_settings;
  -- Only extensions this migration created: a server image that ships them pre-created keeps them.
  if drop_btree_gist then
    drop extension if exists btree_gist;
  end if;
  if drop_timescaledb then
    drop extension if exists timescaledb;
  end if;
end
$$;
