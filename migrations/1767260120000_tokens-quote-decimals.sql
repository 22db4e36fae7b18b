-- Up Migration

-- Not in the seed. The decimals of the token's quote mint (tokens.quote_mint), so that `sol_amount` ("whole
-- units of quote_mint") and prices can be computed, and recomputed by the token-metadata job, for any quote:
-- SOL, USDC, USD1, another pump coin, an xStock. Known from the transaction's token balances or an RPC read
-- of the quote mint; NULL until then.
alter table tokens add column quote_decimals integer check (quote_decimals between 0 and 255);

comment on column tokens.quote_decimals is 'Decimals of quote_mint; null until a transaction''s token balances or an RPC read state them.';

-- Rows written before this column existed: the quote mints whose decimals are fixed public facts (wrapped SOL is
-- the native mint, 9; USDC, USDT and USD1 have 6). Others are read by the token-metadata job.
update tokens set quote_decimals = case quote_mint
    when 'So11111111111111111111111111111111111111112' then 9
    when 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' then 6
    when 'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB' then 6
    when 'USD1ttGY1N17NEEHLmELoaybftRBUSErhqYiQzvEmuB' then 6
  end
where quote_mint in ('So11111111111111111111111111111111111111112', 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
                     'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB', 'USD1ttGY1N17NEEHLmELoaybftRBUSErhqYiQzvEmuB');

-- Down Migration

alter table tokens drop column quote_decimals;
