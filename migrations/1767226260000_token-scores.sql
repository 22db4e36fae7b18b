-- Up Migration

-- Token scores (seed §7), as in the seed: three scores of 0-333 each and their generated total (0-999).
create table token_scores (
  id uuid primary key default gen_random_uuid(),
  token_id uuid not null references tokens (id),
  calculated_at timestamptz not null,

  -- Main scores (out of 333 each)
  technical_score integer not null check (technical_score >= 0 and technical_score <= 333),
  holder_score integer not null check (holder_score >= 0 and holder_score <= 333),
  social_score integer not null check (social_score >= 0 and social_score <= 333),
  total_score integer generated always as (technical_score + holder_score + social_score) stored,

  -- Technical breakdown
  liquidity_score integer,
  trading_score integer,
  contract_score integer,

  -- Holder breakdown
  distribution_score integer,
  quality_score integer,
  activity_score integer,

  -- Social breakdown
  twitter_score integer,
  community_score integer,
  virality_score integer,

  -- Multipliers and flags
  score_multiplier numeric(3,2) default 1.0,
  has_red_flags boolean default false,
  red_flags text[],

  -- ML predictions
  ml_graduation_probability numeric(5,4),
  ml_confidence_score numeric(5,4),
  ml_model_version varchar(20),

  score_details jsonb,
  created_at timestamptz default now()
);

create index idx_token_scores_token_time on token_scores (token_id, calculated_at desc);
create index idx_token_scores_total on token_scores (total_score desc);
create index idx_token_scores_ml_prob on token_scores (ml_graduation_probability desc);

-- Down Migration

drop table token_scores;
