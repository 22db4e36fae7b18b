-- Up Migration

-- Retention (seed "Data Retention Policies"): transactions 90 days, 1m candles 7 days, 5m candles 30 days,
-- system_metrics 30 days. The seed's policies on transactions and system_metrics failed because those
-- tables could not become hypertables (flaw 4); with the fixed keys they now apply.
-- retention_settings records the same intervals in both modes: TimescaleDB enforces them with its
-- retention jobs (enforced_by = 'timescaledb'); on plain PostgreSQL the service deletes rows older than
-- drop_after itself (enforced_by = 'service'), batch by batch on time_column.
create table retention_settings (
  relation_name text primary key,
  time_column text not null,
  drop_after interval not null,
  enforced_by text not null check (enforced_by in ('timescaledb', 'service'))
);

comment on table retention_settings is
  'How long each time-series table keeps its rows. enforced_by = service (plain mode): the service deletes rows whose time_column is older than now() - drop_after.';

do $$
declare
  timescale boolean := (select value from megatron_settings where key = 'db_mode') = 'timescaledb';
  setting record;
begin
  insert into retention_settings values
    ('transactions', 'block_time', interval '90 days', case when timescale then 'timescaledb' else 'service' end),
    ('price_candles_1m', 'bucket', interval '7 days', case when timescale then 'timescaledb' else 'service' end),
    ('price_candles_5m', 'bucket', interval '30 days', case when timescale then 'timescaledb' else 'service' end),
    ('system_metrics', 'metric_time', interval '30 days', case when timescale then 'timescaledb' else 'service' end);
  if timescale then
    for setting in select relation_name, drop_after from retention_settings loop
      perform add_retention_policy(setting.relation_name::regclass, setting.drop_after);
    end loop;
  end if;
end
$$;

-- Down Migration

do $$
declare
  setting record;
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    for setting in select relation_name from retention_settings loop
      perform remove_retention_policy(setting.relation_name::regclass, if_exists => true);
    end loop;
  end if;
end
$$;

drop table retention_settings;
