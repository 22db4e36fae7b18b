/**
 * Raydium LaunchLab events (FACTS §7). TradeEvent v1 138 B (IDL v0.1.0, vixen 6948c77a) / v2 147 B
 * (creator_fee inserted before share_fee, exact_in appended; raydium-docs df7e7e4, vixen dca7d1dc):
 * dispatch on length. PoolCreateEvent with or without the trailing amm_fee_on byte (vixen dca7d1dc).
 * The events carry neither the mint nor the trader: both come from the invoking instruction's accounts.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { DecodeError } from '../../shared/errors.js';
import { buildPoolCreateEvent, buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { sanitizeText } from '../sanitize-text.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import { type PoolCreateEvent, type TradeEvent } from '../../contracts/decoded-event.js';

const TRADE_V1_BYTES = 138;
const TRADE_V2_NO_EXACT_IN_BYTES = 146;
const TRADE_V2_BYTES = 147;
/** Trade instruction accounts (buy/sell exact in/out): payer 0, pool_state 4, base mint 9, quote mint 10. */
const TRADE_ACCOUNTS = { user: 0, poolState: 4, mint: 9, quoteMint: 10 };
const CURVES = ['constant', 'fixed', 'linear'] as const;

/** Decodes a LaunchLab TradeEvent payload (discriminator included). */
export function decodeLaunchpadTradeEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): TradeEvent {
  if (payload.length < TRADE_V1_BYTES) throw new DecodeError(`TradeEvent has ${payload.length} bytes, needs ${TRADE_V1_BYTES}`, payload.length);
  const v2 = payload.length >= TRADE_V2_NO_EXACT_IN_BYTES;
  const r = new BorshReader(payload, 8);
  const poolState = r.pubkey();
  const totalBaseSell = r.u64();
  const virtualBase = r.u64();
  const virtualQuote = r.u64();
  const realBaseBefore = r.u64();
  const realQuoteBefore = r.u64();
  const realBaseAfter = r.u64();
  const realQuoteAfter = r.u64();
  const amountIn = r.u64();
  const amountOut = r.u64();
  const protocolFee = r.u64();
  const platformFee = r.u64();
  const creatorFee = v2 ? r.u64() : null;
  const shareFee = r.u64();
  const direction = r.u8();
  const poolStatus = r.u8();
  const exactIn = payload.length >= TRADE_V2_BYTES ? r.bool() : null;
  const isBuy = direction === 0;
  const accounts = ctx.invocation?.accounts ?? [];
  return buildTradeEvent(ctx, {
    layout: !v2 ? 'launchpad.TradeEvent.v1' : exactIn === null ? 'launchpad.TradeEvent.v2-no-exact-in' : 'launchpad.TradeEvent.v2',
    trailingBytes: r.remaining, mint: accounts[TRADE_ACCOUNTS.mint] ?? '', user: accounts[TRADE_ACCOUNTS.user] ?? '',
    isBuy, solAmount: isBuy ? amountIn : amountOut, tokenAmount: isBuy ? amountOut : amountIn,
    quoteMint: accounts[TRADE_ACCOUNTS.quoteMint] ?? WSOL_MINT, pool: poolState, timestamp: null,
    virtualSolReserves: virtualQuote, virtualTokenReserves: virtualBase, realSolReserves: realQuoteAfter,
    realTokenReserves: realBaseAfter, fee: protocolFee + platformFee + (creatorFee ?? 0n) + shareFee, creatorFee,
    protocolFee, platformFee, shareFee, ixName, poolState, amountIn, amountOut, poolStatus,
    extra: {
      totalBaseSell: totalBaseSell.toString(), realBaseBefore: realBaseBefore.toString(),
      realQuoteBefore: realQuoteBefore.toString(), tradeDirection: direction, exactIn,
    },
  });
}

/** initialize / initialize_v2 / initialize_with_token_2022 accounts: base mint 6, quote mint 7, vaults 8/9. */
const INIT_ACCOUNTS = { platformConfig: 3, mint: 6, quoteMint: 7, baseVault: 8, quoteVault: 9 };

/** Decodes a LaunchLab PoolCreateEvent payload (discriminator included). */
export function decodeLaunchpadPoolCreateEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): PoolCreateEvent {
  const r = new BorshReader(payload, 8);
  const poolState = r.pubkey();
  const creator = r.pubkey();
  const config = r.pubkey();
  const decimals = r.u8();
  const name = sanitizeText(r.string());
  const symbol = sanitizeText(r.string());
  const uri = sanitizeText(r.string());
  const curveAt = r.offset;
  const curveVariant = r.u8();
  const supply = r.u64();
  let totalBaseSell: bigint | null = null;
  if (curveVariant === 0) totalBaseSell = r.u64();
  else if (curveVariant > 2) throw new DecodeError(`unknown CurveParams variant ${curveVariant}`, curveAt);
  const totalQuoteFundRaising = r.u64();
  const migrateType = r.u8();
  r.skip(24); // vesting_param: total_locked_amount, cliff_period, unlock_period
  const ammFeeOn = r.remaining >= 1 ? r.u8() : null;
  const accounts = ctx.invocation?.accounts ?? [];
  const tokenProgramIndex = ixName === 'initialize_with_token_2022' ? 10 : 11;
  return buildPoolCreateEvent(ctx, {
    layout: ammFeeOn === null ? 'launchpad.PoolCreateEvent.v1' : 'launchpad.PoolCreateEvent.v2',
    trailingBytes: r.remaining, poolState, mint: accounts[INIT_ACCOUNTS.mint] ?? '',
    quoteMint: accounts[INIT_ACCOUNTS.quoteMint] ?? WSOL_MINT, creator, config,
    platformConfig: accounts[INIT_ACCOUNTS.platformConfig] ?? null, name, symbol, uri, decimals,
    baseVault: accounts[INIT_ACCOUNTS.baseVault] ?? null, quoteVault: accounts[INIT_ACCOUNTS.quoteVault] ?? null,
    tokenProgram: accounts[tokenProgramIndex] ?? null, curveType: CURVES[curveVariant] ?? 'unknown', supply,
    totalBaseSell, totalQuoteFundRaising, migrateType,
  });
}

export { TRADE_ACCOUNTS as LAUNCHPAD_TRADE_ACCOUNTS };
