-- Up Migration

-- Trades stored while their token's or quote's decimals were unknown have no normalised amounts yet
-- (sol_amount / token_amount NULL); the token-metadata job fills them once the decimals are read. A partial
-- index finds those few rows without scanning the trades table (on TimescaleDB, every chunk).
create index idx_transactions_unscaled on transactions (token_id)
  where sol_amount is null or token_amount is null;

-- Down Migration

drop index idx_transactions_unscaled;
