-- Up Migration

-- Two Pump.fun TradeEvent fields of 2026 get columns (MAINNET-2026 §1.2, §1.4), so the trade keeps them
-- instead of counting them as trailing bytes:
-- * holder_rewards (pump-sdk 2.0.0, 2026-09): on a holder-rewards coin, the part of creator_fee that goes to
--   the coin's holders. It is NOT a fee on top of creator_fee: summing both would count it twice. Its rate
--   (holder_rewards_bps) is not stored: it equals the creator fee rate on every such coin we have seen, and
--   the coin's rates live on the token (tokens.metadata, from its CreateEvent).
-- * creator_fee_unclaimed (2026-10, TRADE_V3.md / SWEEP_FEES.md): creator fee kept on the curve for a later
--   sweep_creator_fee. Kept fees are income of the trade that charged them (protocol_fee / creator_fee stay
--   as the event says, also when fee_recipient is the all-ones "kept" address); the sweep that pays them out
--   is a payout (fee_payouts), never a second income.
-- Both nullable: NULL = the layout predates the field (not 0), and no other program has them. Adding a
-- nullable column without a default is a catalogue change only, also on a compressed hypertable.
-- A synthetic-migration buy (PostCompleteBuyEvent) needs no column: its pool part is added into the
-- completing buy's row (amounts and fees), and raw_data keeps the split (see src/pipeline/build-rows.ts).
alter table transactions add column holder_rewards numeric(39,0);
alter table transactions add column creator_fee_unclaimed numeric(39,0);

comment on column transactions.holder_rewards is 'Pump.fun holder-rewards coins: the part of creator_fee paid to holders (raw quote units); not in addition to creator_fee. NULL when the event predates the field.';
comment on column transactions.creator_fee_unclaimed is 'Pump.fun (2026-10): creator fee left on the curve for a later sweep (raw quote units); its payout is in fee_payouts. NULL when the event predates the field.';

-- Down Migration

alter table transactions drop column creator_fee_unclaimed;
alter table transactions drop column holder_rewards;
