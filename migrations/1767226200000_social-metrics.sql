-- Up Migration

-- Social metrics (seed §6), as in the seed. The column keeps the seed's name "timestamp" (a non-reserved
-- keyword in PostgreSQL, legal as a column name; quote it in SQL for readability).
create table social_metrics (
  id uuid primary key default gen_random_uuid(),
  token_id uuid not null references tokens (id),
  "timestamp" timestamptz not null,

  -- Twitter/X metrics
  twitter_followers integer,
  twitter_mentions_1h integer,
  twitter_mentions_24h integer,
  twitter_engagement_rate numeric(5,2),
  twitter_sentiment_score numeric(3,2),
  influencer_mentions integer,
  influencer_reach integer,

  -- Community metrics
  telegram_members integer,
  telegram_active_users integer,
  telegram_messages_1h integer,
  discord_members integer,
  discord_active_users integer,

  -- Aggregate metrics
  total_social_mentions integer,
  social_growth_rate_1h numeric(10,2),
  social_growth_rate_24h numeric(10,2),

  raw_data jsonb,
  created_at timestamptz default now()
);

create index idx_social_metrics_token_time on social_metrics (token_id, "timestamp" desc);

-- Down Migration

drop table social_metrics;
