-- Up Migration

-- Individual top holders (seed §5), as in the seed. current_balance is in whole tokens (decimal-adjusted);
-- the exact raw balance of every holder is in holder_balances.
create table top_holders (
  id uuid primary key default gen_random_uuid(),
  token_id uuid not null references tokens (id),
  wallet_address varchar(44) not null,
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  current_balance numeric(30,6),
  percentage_held numeric(5,2),
  is_creator boolean default false,
  is_known_wallet boolean default false,
  wallet_tags text[],
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  unique (token_id, wallet_address)
);

comment on column top_holders.current_balance is 'Whole tokens (decimal-adjusted).';
comment on column top_holders.percentage_held is 'Percent (0-100) of the supply.';

create index idx_top_holders_token on top_holders (token_id);
create index idx_top_holders_wallet on top_holders (wallet_address);

-- Down Migration

drop table top_holders;
