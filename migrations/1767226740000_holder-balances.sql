-- Up Migration

-- Not in the seed. The current balance of every holder of every token, in raw base units, maintained
-- from token balance changes; holder_snapshots and top_holders are computed from it. last_slot makes
-- updates newer-slot-wins (a replayed older slot never overwrites a newer balance).
create table holder_balances (
  token_id uuid not null references tokens (id),
  owner varchar(44) not null,
  balance numeric(39,0) not null check (balance >= 0),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  last_slot bigint not null,
  primary key (token_id, owner)
);

comment on column holder_balances.owner is 'Wallet that owns the token account(s), base58.';
comment on column holder_balances.balance is 'Raw base units (not decimal-adjusted).';
comment on column holder_balances.last_slot is 'Slot of the balance; an update applies only from a newer slot.';

create index idx_holder_balances_token_balance on holder_balances (token_id, balance desc);
create index idx_holder_balances_owner on holder_balances (owner);

-- Down Migration

drop table holder_balances;
