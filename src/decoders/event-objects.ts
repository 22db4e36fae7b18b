/**
 * The one place decoded events are created: the envelope (program, source, signature, slot, txIndex,
 * blockTime, success, errorCode, position) copied from the context, then the kind, then the module's
 * fields, in one object literal per kind. Every event of a kind therefore has the same properties in the
 * same order (one V8 hidden class, fields in-object), whichever program or layout produced it.
 *
 * Not `{ ...envelope, ...fields }` nor `Object.assign`: on Node 20 an object spread followed by more
 * properties is V8's slow path, and spreading a base object into the pump trade alone made the decode
 * bench 3x slower (61,000 → 20,600 tx/s). The module's fields arrive as one object literal whose keys
 * are in the order below, so the reads here stay monomorphic.
 */
import type { CompleteEvent, CreateEvent, EventBase, MigrateEvent, PoolCreateEvent, TradeEvent } from '../contracts/decoded-event.js';
import type { EventContext, EventEnvelope } from './program-decoder.js';

/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/**
 * What a module supplies for an event: every required field but the envelope and the kind. Optional
 * fields (the 2026 Pump.fun additions) are not copied here: an object literal that names one is a type
 * error, so none is dropped in silence; set them on the built event (the builders below start the pump
 * ones at null, so setting them keeps the event's shape).
 */
export type EventFields<E extends EventBase> = Pick<E, Exclude<RequiredKeys<E>, keyof EventEnvelope | 'kind'>>;

/** A trade (Pump.fun, LaunchLab, PumpSwap; event or attempted instruction). */
export function buildTradeEvent(ctx: EventContext, f: EventFields<TradeEvent>): TradeEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'trade', layout: f.layout, trailingBytes: f.trailingBytes, mint: f.mint, user: f.user, isBuy: f.isBuy,
    solAmount: f.solAmount, tokenAmount: f.tokenAmount, quoteMint: f.quoteMint, pool: f.pool, timestamp: f.timestamp,
    virtualSolReserves: f.virtualSolReserves, virtualTokenReserves: f.virtualTokenReserves, realSolReserves: f.realSolReserves,
    realTokenReserves: f.realTokenReserves, fee: f.fee, creatorFee: f.creatorFee, protocolFee: f.protocolFee,
    platformFee: f.platformFee, shareFee: f.shareFee, ixName: f.ixName, poolState: f.poolState, amountIn: f.amountIn,
    amountOut: f.amountOut, poolStatus: f.poolStatus, extra: f.extra,
    // Pump.fun's 2026 fields, null until its decoder reads them: in the literal, so that setting them adds
    // no property (no out-of-object property store per event).
    holderRewardsBps: null, holderRewards: null, creatorFeeUnclaimed: null,
  };
}

/** A Pump.fun CreateEvent. */
export function buildCreateEvent(ctx: EventContext, f: EventFields<CreateEvent>): CreateEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'create', layout: f.layout, trailingBytes: f.trailingBytes, name: f.name, symbol: f.symbol, uri: f.uri,
    mint: f.mint, bondingCurve: f.bondingCurve, user: f.user, creator: f.creator, tokenProgram: f.tokenProgram,
    quoteMint: f.quoteMint, decimals: f.decimals, timestamp: f.timestamp, virtualTokenReserves: f.virtualTokenReserves,
    virtualSolReserves: f.virtualSolReserves, realTokenReserves: f.realTokenReserves, tokenTotalSupply: f.tokenTotalSupply,
    isMayhemMode: f.isMayhemMode, isCashbackEnabled: null, creatorFeeBps: null, isHolderReward: null, depth: null,
  };
}

/** A pool creation (LaunchLab PoolCreateEvent, PumpSwap CreatePoolEvent). */
export function buildPoolCreateEvent(ctx: EventContext, f: EventFields<PoolCreateEvent>): PoolCreateEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'pool_create', layout: f.layout, trailingBytes: f.trailingBytes, poolState: f.poolState, mint: f.mint,
    quoteMint: f.quoteMint, creator: f.creator, config: f.config, platformConfig: f.platformConfig, name: f.name,
    symbol: f.symbol, uri: f.uri, decimals: f.decimals, baseVault: f.baseVault, quoteVault: f.quoteVault,
    tokenProgram: f.tokenProgram, curveType: f.curveType, supply: f.supply, totalBaseSell: f.totalBaseSell,
    totalQuoteFundRaising: f.totalQuoteFundRaising, migrateType: f.migrateType,
  };
}

/** A completed bonding curve (Pump.fun CompleteEvent). */
export function buildCompleteEvent(ctx: EventContext, f: EventFields<CompleteEvent>): CompleteEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'complete', layout: f.layout, trailingBytes: f.trailingBytes, mint: f.mint, user: f.user,
    bondingCurve: f.bondingCurve, timestamp: f.timestamp,
  };
}

/** A migration to an AMM (Pump.fun migration event, LaunchLab migrate instruction). */
export function buildMigrateEvent(ctx: EventContext, f: EventFields<MigrateEvent>): MigrateEvent {
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'migrate', layout: f.layout, trailingBytes: f.trailingBytes, mint: f.mint, pool: f.pool,
    ammProgram: f.ammProgram, quoteMint: f.quoteMint, bondingCurve: f.bondingCurve, user: f.user,
    solAmount: f.solAmount, tokenAmount: f.tokenAmount, timestamp: f.timestamp,
  };
}
