-- Up Migration

-- Not in the seed. A Raydium LaunchLab launch belongs to a launchpad brand (letsbonk, StonkFun, Raydium's own
-- LaunchLab page, ...), and the program says which only through the launch's `platform_config` account
-- (account 3 of initialize* and of every trade; MAINNET-2026 §1.7). The decoder names the brand from a table
-- of known platform_config addresses taken from public facts (src/decoders/raydium-launchpad/platforms.ts);
-- an address it does not know is stored as the address itself, so a brand found later can be named by
-- updating the table and these rows, and nothing is guessed. Both are NULL for Pump.fun tokens.
alter table tokens
  add column launchpad_platform_config varchar(44),
  add column launchpad_brand text;

comment on column tokens.launchpad_platform_config is 'LaunchLab platform_config account of the launch (null for Pump.fun).';
comment on column tokens.launchpad_brand is 'Launchpad brand of the platform_config (letsbonk, stonkfun, raydium, ...); the platform_config address itself when it is not a known brand.';

-- Queries count and list launches per brand.
create index idx_tokens_launchpad_brand on tokens (launchpad_brand) where launchpad_brand is not null;

-- Down Migration

drop index idx_tokens_launchpad_brand;
alter table tokens drop column launchpad_brand, drop column launchpad_platform_config;
