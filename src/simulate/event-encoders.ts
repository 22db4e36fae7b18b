/**
 * Event payloads exactly as the programs emit them (disc ‖ borsh), layouts from FACTS.md §4/§7/§12.
 * Pump TradeEvent eras: v1 (129 B), v2 (225 B, fees), v3 (258 B, volume), v4 (+ix_name), v5 (+mayhem_mode).
 */
import { BorshWriter } from './borsh-writer.js';

export const EVENT_CPI_TAG_HEX = 'e4 45 a5 2e 51 cb 9a 1d';
const TRADE_EVENT = 'bd db 7f d3 4e e6 61 ee';
const CREATE_EVENT = '1b 72 a9 4d de eb 63 76';
const COMPLETE_EVENT = '5f 72 61 9c d4 2e 98 08';
const MIGRATION_EVENT = 'bd e9 5d b9 5c 94 ea 94';
const POOL_CREATE_EVENT = '97 d7 e2 09 76 a1 73 ae';

export type PumpTradeEra = 'v1' | 'v2' | 'v3' | 'v4' | 'v5';

export interface PumpTradeFields {
  mint: string; solAmount: bigint; tokenAmount: bigint; isBuy: boolean; user: string; timestamp: bigint;
  virtualSolReserves: bigint; virtualTokenReserves: bigint; realSolReserves: bigint; realTokenReserves: bigint;
  feeRecipient: string; feeBasisPoints: bigint; fee: bigint; creator: string; creatorFeeBasisPoints: bigint; creatorFee: bigint;
  ixName: string;
}

/** Pump TradeEvent in the given era's layout. */
export function encodePumpTradeEvent(f: PumpTradeFields, era: PumpTradeEra): Uint8Array {
  const w = new BorshWriter().discriminator(TRADE_EVENT).pubkey(f.mint).u64(f.solAmount).u64(f.tokenAmount).bool(f.isBuy).pubkey(f.user)
    .i64(f.timestamp).u64(f.virtualSolReserves).u64(f.virtualTokenReserves).u64(f.realSolReserves).u64(f.realTokenReserves);
  if (era === 'v1') return w.finish();
  w.pubkey(f.feeRecipient).u64(f.feeBasisPoints).u64(f.fee).pubkey(f.creator).u64(f.creatorFeeBasisPoints).u64(f.creatorFee);
  if (era === 'v2') return w.finish();
  w.bool(false).u64(0n).u64(0n).u64(0n).i64(0n);
  if (era === 'v3') return w.finish();
  w.string(f.ixName);
  if (era === 'v4') return w.finish();
  return w.bool(false).finish();
}

export interface PumpCreateFields {
  name: string; symbol: string; uri: string; mint: string; bondingCurve: string; user: string; creator: string; timestamp: bigint;
  virtualTokenReserves: bigint; virtualSolReserves: bigint; realTokenReserves: bigint; tokenTotalSupply: bigint; tokenProgram: string;
}

/** Pump CreateEvent: the 2025-05 layout (with reserves), or the 2025-11 one (+token_program, is_mayhem_mode). */
export function encodePumpCreateEvent(f: PumpCreateFields, withTokenProgram: boolean): Uint8Array {
  const w = new BorshWriter().discriminator(CREATE_EVENT).string(f.name).string(f.symbol).string(f.uri).pubkey(f.mint).pubkey(f.bondingCurve)
    .pubkey(f.user).pubkey(f.creator).i64(f.timestamp).u64(f.virtualTokenReserves).u64(f.virtualSolReserves).u64(f.realTokenReserves).u64(f.tokenTotalSupply);
  return withTokenProgram ? w.pubkey(f.tokenProgram).bool(false).finish() : w.finish();
}

/** Pump CompleteEvent, 112-byte layout. */
export function encodePumpCompleteEvent(user: string, mint: string, bondingCurve: string, timestamp: bigint): Uint8Array {
  return new BorshWriter().discriminator(COMPLETE_EVENT).pubkey(user).pubkey(mint).pubkey(bondingCurve).i64(timestamp).finish();
}

export interface MigrationFields {
  user: string; mint: string; mintAmount: bigint; solAmount: bigint; poolMigrationFee: bigint; bondingCurve: string; timestamp: bigint; pool: string;
}

/** Pump CompletePumpAmmMigrationEvent, 168-byte layout. */
export function encodeMigrationEvent(f: MigrationFields): Uint8Array {
  return new BorshWriter().discriminator(MIGRATION_EVENT).pubkey(f.user).pubkey(f.mint).u64(f.mintAmount).u64(f.solAmount)
    .u64(f.poolMigrationFee).pubkey(f.bondingCurve).i64(f.timestamp).pubkey(f.pool).finish();
}

export interface LaunchLabTradeFields {
  poolState: string; totalBaseSell: bigint; virtualBase: bigint; virtualQuote: bigint; realBaseBefore: bigint; realQuoteBefore: bigint;
  realBaseAfter: bigint; realQuoteAfter: bigint; amountIn: bigint; amountOut: bigint; protocolFee: bigint; platformFee: bigint;
  creatorFee: bigint; shareFee: bigint; isBuy: boolean; poolStatus: number; exactIn: boolean;
}

/** LaunchLab TradeEvent v2 (147 B: creator_fee before share_fee, exact_in appended). */
export function encodeLaunchLabTradeEvent(f: LaunchLabTradeFields): Uint8Array {
  return new BorshWriter().discriminator(TRADE_EVENT).pubkey(f.poolState).u64(f.totalBaseSell).u64(f.virtualBase).u64(f.virtualQuote)
    .u64(f.realBaseBefore).u64(f.realQuoteBefore).u64(f.realBaseAfter).u64(f.realQuoteAfter).u64(f.amountIn).u64(f.amountOut)
    .u64(f.protocolFee).u64(f.platformFee).u64(f.creatorFee).u64(f.shareFee).u8(f.isBuy ? 0 : 1).u8(f.poolStatus).bool(f.exactIn).finish();
}

export interface PoolCreateFields {
  poolState: string; creator: string; config: string; decimals: number; name: string; symbol: string; uri: string;
  supply: bigint; totalBaseSell: bigint; totalQuoteFundRaising: bigint;
}

/** LaunchLab PoolCreateEvent with a constant curve and the trailing amm_fee_on byte (2025-10 layout). */
export function encodePoolCreateEvent(f: PoolCreateFields): Uint8Array {
  return new BorshWriter().discriminator(POOL_CREATE_EVENT).pubkey(f.poolState).pubkey(f.creator).pubkey(f.config)
    .u8(f.decimals).string(f.name).string(f.symbol).string(f.uri)
    .u8(0).u64(f.supply).u64(f.totalBaseSell).u64(f.totalQuoteFundRaising).u8(0)
    .u64(0n).u64(0n).u64(0n).u8(0).finish();
}

/** Wraps an event as the self-CPI instruction data (`EVENT_IX_TAG ‖ event`). */
export function wrapSelfCpi(event: Uint8Array): Uint8Array {
  return new BorshWriter().discriminator(EVENT_CPI_TAG_HEX).bytes(event).finish();
}
