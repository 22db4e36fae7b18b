/**
 * Pump.fun creator changes, each into a `creator_change` event:
 * - AdminCtoEvent (pump-sdk 2.0.0, 2026-09; community takeover): timestamp, authority, mint, bonding_curve,
 *   old_creator, new_creator, is_holder_reward, is_cashback_coin, old_creator_fee_bps, new_creator_fee_bps,
 *   sharing_config_reset, swept_to_holder_vault, pool_updated (196 B);
 * - SetCreatorEvent (IDL e2b66e4 on): timestamp, mint, bonding_curve, creator (104 B; no old creator);
 * - AdminSetCreatorEvent (IDL 7fe6f1e to 3c6721a, retired since): timestamp, admin_set_creator_authority,
 *   mint, bonding_curve, old_creator, new_creator (168 B);
 * - MigrateBondingCurveCreatorEvent (IDL f0ef005 on; the creator becomes the fee-sharing config): timestamp,
 *   mint, bonding_curve, sharing_config, old_creator, new_creator (168 B).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import type { EventContext } from '../program-decoder.js';
import type { CreatorChangeEvent, CreatorChangeSource } from '../../contracts/decoded-event.js';

interface ChangeFields {
  layout: string;
  changeSource: CreatorChangeSource;
  timestamp: bigint;
  mint: string;
  bondingCurve: string | null;
  authority: string | null;
  oldCreator: string | null;
  newCreator: string;
}

function creatorChange(ctx: EventContext, f: ChangeFields, r: BorshReader): CreatorChangeEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'creator_change', layout: f.layout, trailingBytes: r.remaining, mint: f.mint, bondingCurve: f.bondingCurve,
    changeSource: f.changeSource, oldCreator: f.oldCreator, newCreator: f.newCreator, authority: f.authority,
    timestamp: f.timestamp, isHolderReward: null, oldCreatorFeeBps: null, newCreatorFeeBps: null,
  };
}

/** AdminCtoEvent → creator_change with the coin's new settings. */
export function decodePumpAdminCtoEvent(payload: Uint8Array, ctx: EventContext): CreatorChangeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const authority = r.pubkey();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  const oldCreator = r.pubkey();
  const newCreator = r.pubkey();
  const isHolderReward = r.bool();
  r.bool(); // is_cashback_coin
  const oldCreatorFeeBps = r.u64();
  const newCreatorFeeBps = r.u64();
  r.bool(); // sharing_config_reset
  r.u64(); // swept_to_holder_vault: creator fees moved to the holders' vault, not a payout to anyone yet
  r.bool(); // pool_updated
  const e = creatorChange(ctx, { layout: 'pump.AdminCtoEvent.v0', changeSource: 'admin_cto', timestamp, mint, bondingCurve, authority, oldCreator, newCreator }, r);
  e.isHolderReward = isHolderReward;
  e.oldCreatorFeeBps = oldCreatorFeeBps;
  e.newCreatorFeeBps = newCreatorFeeBps;
  return e;
}

/** SetCreatorEvent → creator_change (the old creator is not in the event). */
export function decodePumpSetCreatorEvent(payload: Uint8Array, ctx: EventContext): CreatorChangeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  const newCreator = r.pubkey();
  return creatorChange(ctx, { layout: 'pump.SetCreatorEvent.v0', changeSource: 'set_creator', timestamp, mint, bondingCurve, authority: null, oldCreator: null, newCreator }, r);
}

/** AdminSetCreatorEvent → creator_change. */
export function decodePumpAdminSetCreatorEvent(payload: Uint8Array, ctx: EventContext): CreatorChangeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const authority = r.pubkey();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  const oldCreator = r.pubkey();
  const newCreator = r.pubkey();
  return creatorChange(ctx, { layout: 'pump.AdminSetCreatorEvent.v0', changeSource: 'admin_set_creator', timestamp, mint, bondingCurve, authority, oldCreator, newCreator }, r);
}

/** MigrateBondingCurveCreatorEvent → creator_change (the new creator is the sharing config). */
export function decodePumpMigrateCreatorEvent(payload: Uint8Array, ctx: EventContext): CreatorChangeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  r.pubkey(); // sharing_config
  const oldCreator = r.pubkey();
  const newCreator = r.pubkey();
  return creatorChange(ctx, { layout: 'pump.MigrateBondingCurveCreatorEvent.v0', changeSource: 'migrate_bonding_curve_creator', timestamp, mint, bondingCurve, authority: null, oldCreator, newCreator }, r);
}
