-- Up Migration

-- Not in the seed. Within one slot, balances are ordered by the transaction's position in the block:
-- (last_slot, last_tx_index) is the position of the newest balance applied to the row (-1 when the
-- source did not know the position, 2147483647 for an RPC reading at the end of its slot).
alter table holder_balances add column last_tx_index integer not null default -1;

-- Down Migration

alter table holder_balances drop column last_tx_index;
