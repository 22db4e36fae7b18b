-- Up Migration

-- Decimals are read, never assumed. The seed gave tokens.decimals a default of 6 (Pump.fun's), and the
-- pipeline filled in 6 for any mint a transaction did not describe; LaunchLab mints choose their decimals
-- (MintParams.decimals) and quote mints of every kind are traded against (xStocks with 8, ORE with 11).
-- Now a decimals value comes from the create instruction, the transaction's own token balances or an RPC
-- read of the mint (the token-metadata job); until one of them has answered it is NULL, and so are the
-- trade's normalised amounts and decimal-adjusted price (sol_amount, token_amount, price_quote_per_token
-- were already nullable). The raw amounts are always stored; the job fills the rest once it knows.
alter table tokens alter column decimals drop default;
alter table tokens alter column decimals drop not null;
alter table transactions alter column amount_in_decimals drop not null;
alter table transactions alter column amount_out_decimals drop not null;

comment on column tokens.decimals is 'Decimals of the mint, from its create instruction, a transaction''s token balances or an RPC read; null until one of them is known.';
comment on column transactions.amount_in_decimals is 'Decimals of amount_in''s mint; null while that mint''s decimals are unknown (filled by the token-metadata job).';
comment on column transactions.amount_out_decimals is 'Decimals of amount_out''s mint; null while that mint''s decimals are unknown (filled by the token-metadata job).';

-- Down Migration

-- NOT NULL cannot hold rows whose decimals are still unknown: they get back what the code before this
-- migration wrote for them (6 for a token, 9 for a quote).
update tokens set decimals = 6 where decimals is null;
update transactions set amount_in_decimals = case when type = 'buy' then 9 else 6 end where amount_in_decimals is null;
update transactions set amount_out_decimals = case when type = 'buy' then 6 else 9 end where amount_out_decimals is null;
alter table transactions alter column amount_out_decimals set not null;
alter table transactions alter column amount_in_decimals set not null;
alter table tokens alter column decimals set not null;
alter table tokens alter column decimals set default 6;
comment on column tokens.decimals is null;
comment on column transactions.amount_in_decimals is null;
comment on column transactions.amount_out_decimals is null;
