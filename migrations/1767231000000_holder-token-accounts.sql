-- Up Migration

-- Not in the seed. The balance of every token ACCOUNT of a tracked token, as the stream (post token
-- balances) or an RPC reconciliation last saw it. Why per account and not only per owner: an owner can
-- hold one mint in several token accounts, and a transaction reports only the accounts it touched; an
-- absolute post balance is only correct for the account it belongs to. holder_balances is derived from
-- this table (sum of the owner's accounts) in the same database transaction.
-- (last_slot, last_tx_index) orders updates: a row changes only for a strictly newer position, so a replay
-- leaves the table unchanged. An RPC reading writes last_tx_index = 2147483647 (end of its slot).
-- holder_kind: 'wallet' counts as a holder; 'curve' (bonding curve / LaunchLab vault authority), 'pool'
-- (an AMM pool after migration) and 'program' (other program authorities) are kept but never counted.
create table holder_token_accounts (
  token_id uuid not null references tokens (id),
  account varchar(44) not null,
  owner varchar(44) not null,
  balance numeric(39,0) not null check (balance >= 0),
  holder_kind varchar(10) not null default 'wallet' check (holder_kind in ('wallet', 'curve', 'pool', 'program')),
  first_seen timestamptz not null,
  last_seen timestamptz not null,
  last_slot bigint not null,
  last_tx_index integer not null default -1,
  source varchar(10) not null default 'stream' check (source in ('stream', 'rpc')),
  primary key (token_id, account)
);

comment on column holder_token_accounts.balance is 'Raw base units; 0 once the account was closed or emptied.';
comment on column holder_token_accounts.last_tx_index is 'Position in the slot of the balance (-1 unknown, 2147483647 = an RPC reading at the end of the slot).';

-- The per-owner sum is recomputed for the owners a batch touched.
create index idx_holder_token_accounts_owner on holder_token_accounts (token_id, owner);

-- Down Migration

drop table holder_token_accounts;
