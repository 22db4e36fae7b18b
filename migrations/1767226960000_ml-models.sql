-- Up Migration

-- Not in the seed. Versioned models trained on this database's own history (the graduation model first).
-- Every training run is kept with its held-out report (AUC, Brier score, reliability table), so a score's
-- ml_model_version can always be traced to the model and the evidence it was accepted on. The model
-- itself (standardisation, coefficients) is JSON: small, readable, and servable without a model file.
create table ml_models (
  id bigint generated always as identity primary key,
  name varchar(40) not null,
  version varchar(20) not null,
  trained_at timestamptz not null,
  features text[] not null,
  model jsonb not null,
  report jsonb not null,
  -- Only an active model is served; a run that does not beat the base rate is stored but not activated.
  is_active boolean not null default false,
  created_at timestamptz default now(),
  unique (name, version)
);

comment on column ml_models.version is 'Model version as written to token_scores.ml_model_version, e.g. gm-20260101120000.';
comment on column ml_models.model is 'Logistic model: means, stds, intercept, coefficients (standardised features), l2, snapshot minutes.';
comment on column ml_models.report is 'Training report: time-ordered split, AUC, Brier, baseline Brier, log loss, reliability table.';

create index idx_ml_models_name_trained on ml_models (name, trained_at desc);

-- Down Migration

drop table ml_models;
