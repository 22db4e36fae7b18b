-- Up Migration

-- Not in the seed. Whether a holder_balances row is a real holder: accounts owned by the launch pool (the
-- Pump.fun bonding curve, the LaunchLab vault authority), an AMM pool after migration or a program
-- authority hold most of a young token's supply; counted as holders they would make every token look
-- concentrated in one "whale". They stay in the table (the supply check needs them) but holder counts,
-- concentration and Gini read only holder_kind = 'wallet'.
alter table holder_balances
  add column holder_kind varchar(10) not null default 'wallet'
  check (holder_kind in ('wallet', 'curve', 'pool', 'program'));

-- Down Migration

alter table holder_balances drop column holder_kind;
