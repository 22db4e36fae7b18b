-- Up Migration

-- Trades keep token_id and pool_id but lose their foreign keys to tokens and pools (the seed had them).
-- Why: on this machine the two per-row RI checks cost a quarter of the trade insert rate (COPY +
-- insert ... on conflict of 64,090 trades in 5,000-row batches: 28,700 rows/s with the keys, 38,200
-- without), and the insert rate is the ceiling of the whole ingestion. What the keys protected is
-- guaranteed by the writer instead: ids are UUID v5 of the mint / pool address, and every batch upserts
-- a trade's token and pool in the same database transaction, before the trade (see
-- src/postgres/batch-writer.ts); a test asserts that every trade has its token and pool. TimescaleDB
-- also advises against foreign keys from large hypertables (they are checked on every insert and block
-- dropping referenced rows for the life of the chunk).
alter table transactions drop constraint transactions_pool_id_fkey;
alter table transactions drop constraint transactions_token_id_fkey;

-- Down Migration

alter table transactions add constraint transactions_pool_id_fkey foreign key (pool_id) references pools (id);
alter table transactions add constraint transactions_token_id_fkey foreign key (token_id) references tokens (id);
