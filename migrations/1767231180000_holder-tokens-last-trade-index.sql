-- Up Migration

-- Not in the seed. The holder jobs pick the tokens to snapshot and reconcile among those that traded
-- recently (tokens.last_trade_at, kept by the batch writer); without an index every run would scan
-- all tokens ever seen. Partial: tokens that never traded are never picked.
create index idx_tokens_last_trade_at on tokens (last_trade_at desc) where last_trade_at is not null;

-- Down Migration

drop index idx_tokens_last_trade_at;
