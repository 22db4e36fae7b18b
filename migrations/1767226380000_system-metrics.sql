-- Up Migration

-- Service health metrics (seed §9). Departure: the key is (id, metric_time), not id alone, because every
-- unique key of a hypertable must contain its partitioning column (flaw 2); id stays a random UUID.
-- TimescaleDB: hypertable on metric_time with 7-day chunks (a few rows a minute; 30 days of retention
-- is then ~5 chunks).
create table system_metrics (
  id uuid not null default gen_random_uuid(),
  metric_time timestamptz not null,
  metric_type varchar(50) not null,

  -- Processing metrics
  transactions_processed integer,
  tokens_monitored integer,
  signals_generated integer,

  -- Performance metrics
  avg_processing_latency_ms numeric(10,2),
  p99_processing_latency_ms numeric(10,2),
  grpc_stream_health varchar(20),

  -- Resource usage
  memory_usage_mb integer,
  cpu_usage_percent numeric(5,2),

  metric_data jsonb,
  created_at timestamptz default now(),
  primary key (id, metric_time)
);

do $$
begin
  if (select value from megatron_settings where key = 'db_mode') = 'timescaledb' then
    perform create_hypertable('system_metrics', 'metric_time', chunk_time_interval => interval '7 days');
  end if;
end
$$;

create index idx_system_metrics_type_time on system_metrics (metric_type, metric_time desc);

-- Down Migration

drop table system_metrics;
