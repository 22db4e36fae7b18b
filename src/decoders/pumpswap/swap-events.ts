/**
 * PumpSwap BuyEvent / SellEvent, every layout (pump-public-docs `idl/pump_amm.json` history, then
 * `pump-sdk@2.0.0`, then the October 2026 docs). Both start with the same 304-byte body; later fields
 * were appended, so the walk reads each step only when its bytes are there (a step that does not fit
 * stops it, the rest is counted in `trailingBytes`):
 *
 * | layout | BuyEvent adds                                          | SellEvent adds                 | source    |
 * |--------|--------------------------------------------------------|--------------------------------|-----------|
 * | v0     | 20 fields (312 B with the discriminator)               | same                           | df5013e   |
 * | v1     | coin_creator, its fee bps and fee (360 B)              | same                           | e2b66e4   |
 * | v2     | track_volume … last_update_timestamp (393 B)           | cashback bps, cashback         | 0c64400 / 82dacac |
 * | v3     | min_base_amount_out, ix_name (string)                  | buyback bps, buyback fee       | 3359025 / 3c6721a |
 * | v4     | cashback bps, cashback                                 | virtual_quote_reserves i128    | 82dacac / sdk 2.0.0 |
 * | v5     | buyback bps, buyback fee                               | can_boost, base_supply         | 3c6721a / sdk 2.0.0 |
 * | v6     | virtual_quote_reserves i128                            | holder_rewards_bps, holder_rewards | sdk 2.0.0 |
 * | v7     | can_boost, base_supply                                 | creator_fee_unclaimed          | sdk 2.0.0 / SWEEP_FEES.md |
 * | v8     | holder_rewards_bps, holder_rewards                     |                                | sdk 2.0.0 |
 * | v9     | creator_fee_unclaimed                                  |                                | SWEEP_FEES.md (2026-10) |
 * (sdk 2.0.0 brought virtual_quote_reserves, can_boost/base_supply and the holder rewards together; they
 * are separate steps because the order in which they reached mainnet is not published.)
 *
 * Amounts: `solAmount` is the quote the curve priced (buy: quote_amount_in_with_lp_fee - lp_fee, which is
 * quote_amount_in for `buy` and user_quote_amount_in for `buy_exact_quote_in`, whose events name the two
 * the other way round; sell: quote_amount_out), so its price is the pool's, like a Pump.fun trade's.
 * Reserves after the trade follow `NEGATIVE_VIRTUAL_QUOTE_RESERVES.md`: the vaults before the trade
 * (pool_*_token_reserves) plus what the trade moved, and the effective quote reserves = quote vault +
 * virtual_quote_reserves (signed; 0 before the field existed) as `virtualSolReserves`; the raw quote vault
 * is `realSolReserves`. A v2 trade keeps protocol and creator fee in the vault (`protocol_fee_recipient`
 * is the zero key, `PUMP_SWAP_TRADE_V2.md`): the vault grows by them too, and virtual_quote_reserves
 * (read as the value after the trade) already discounts them.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildTradeEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import type { TradeEvent } from '../../contracts/decoded-event.js';
import { baseMintIndexOf } from './trade-accounts.js';

const ZERO_KEY = '11111111111111111111111111111111';
const BUY_LAYOUTS = Array.from({ length: 10 }, (_, v) => `pumpswap.BuyEvent.v${v}`);
const SELL_LAYOUTS = Array.from({ length: 8 }, (_, v) => `pumpswap.SellEvent.v${v}`);
const MAX_IX_NAME_BYTES = 64;

/** Decodes a BuyEvent (`isBuy`) or SellEvent payload, discriminator included; throws DecodeError below v0. */
export function decodePumpSwapTrade(payload: Uint8Array, ctx: EventContext, isBuy: boolean, invocationName: string | null): TradeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const baseAmount = r.u64();
  const limit = r.u64();
  const userBaseReserves = r.u64();
  const userQuoteReserves = r.u64();
  const poolBase = r.u64();
  const poolQuote = r.u64();
  const quoteAmount = r.u64();
  const lpFeeBps = r.u64();
  const lpFee = r.u64();
  const protocolFeeBps = r.u64();
  const protocolFee = r.u64();
  const quoteLpAdjusted = r.u64(); // buy: quote_amount_in_with_lp_fee; sell: quote_amount_out_without_lp_fee
  const userQuoteAmount = r.u64();
  const pool = r.pubkey();
  const user = r.pubkey();
  const userBaseAccount = r.pubkey();
  const userQuoteAccount = r.pubkey();
  const protocolFeeRecipient = r.pubkey();
  const protocolFeeRecipientAccount = r.pubkey();
  const ix = ctx.invocation;
  const mintAt = ix === null ? -1 : baseMintIndexOf(ix, invocationName, pool);
  const event = buildTradeEvent(ctx, {
    layout: isBuy ? BUY_LAYOUTS[0]! : SELL_LAYOUTS[0]!, trailingBytes: 0,
    mint: mintAt < 0 ? '' : (ix!.accounts[mintAt] ?? ''), user, isBuy,
    solAmount: isBuy ? quoteLpAdjusted - lpFee : quoteAmount, tokenAmount: baseAmount,
    quoteMint: mintAt < 0 ? '' : (ix!.accounts[mintAt + 1] ?? ''), pool, timestamp,
    virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null,
    fee: lpFee + protocolFee, creatorFee: null, protocolFee, platformFee: null, shareFee: null, ixName: invocationName,
    poolState: null, amountIn: null, amountOut: null, poolStatus: null,
    extra: {
      limit: limit.toString(), userBaseTokenReserves: userBaseReserves.toString(), userQuoteTokenReserves: userQuoteReserves.toString(),
      poolBaseReservesBefore: poolBase.toString(), poolQuoteReservesBefore: poolQuote.toString(), quoteAmount: quoteAmount.toString(),
      lpFeeBasisPoints: lpFeeBps.toString(), lpFee: lpFee.toString(), protocolFeeBasisPoints: protocolFeeBps.toString(),
      quoteAmountLpAdjusted: quoteLpAdjusted.toString(), userQuoteAmount: userQuoteAmount.toString(),
      userBaseTokenAccount: userBaseAccount, userQuoteTokenAccount: userQuoteAccount,
      protocolFeeRecipient, protocolFeeRecipientTokenAccount: protocolFeeRecipientAccount,
      feeKept: protocolFeeRecipient === ZERO_KEY,
    },
  });
  event.virtualQuoteReserves = null; // every PumpSwap trade has the field: one shape, null until its layout has it
  scratch.creatorFee = 0n;
  scratch.buybackFee = 0n;
  scratch.virtualQuoteReserves = 0n;
  if (isBuy) readBuySteps(r, event, scratch);
  else readSellSteps(r, event, scratch);
  event.trailingBytes = r.remaining;
  setReservesAfter(event, poolBase, poolQuote, quoteLpAdjusted, scratch);
  return event;
}

/** What the appended steps add to the vault arithmetic (missing fields read as 0). */
interface AppendedFees {
  creatorFee: bigint;
  buybackFee: bigint;
  virtualQuoteReserves: bigint;
}

/** Reused by every decode (synchronous, never re-entered): no allocation per event for these three. */
const scratch: AppendedFees = { creatorFee: 0n, buybackFee: 0n, virtualQuoteReserves: 0n };

function readBuySteps(r: BorshReader, e: TradeEvent, fees: AppendedFees): void {
  if (!readCreatorStep(r, e, fees)) return;
  if (r.remaining < 33) return;
  e.extra.trackVolume = r.bool();
  e.extra.totalUnclaimedTokens = r.u64().toString();
  e.extra.totalClaimedTokens = r.u64().toString();
  e.extra.currentSolVolume = r.u64().toString();
  e.extra.lastUpdateTimestamp = r.i64().toString();
  e.layout = BUY_LAYOUTS[2]!;
  if (r.remaining < 12 || !readIxName(r, e)) return;
  e.layout = BUY_LAYOUTS[3]!;
  readSharedSteps(r, e, fees, BUY_LAYOUTS, 4);
}

function readSellSteps(r: BorshReader, e: TradeEvent, fees: AppendedFees): void {
  if (readCreatorStep(r, e, fees)) readSharedSteps(r, e, fees, SELL_LAYOUTS, 2);
}

/** v1: coin_creator, coin_creator_fee_basis_points, coin_creator_fee (both events, IDL e2b66e4). */
function readCreatorStep(r: BorshReader, e: TradeEvent, fees: AppendedFees): boolean {
  if (r.remaining < 48) return false;
  e.extra.coinCreator = r.pubkey();
  e.extra.coinCreatorFeeBasisPoints = r.u64().toString();
  fees.creatorFee = r.u64();
  e.creatorFee = fees.creatorFee;
  e.fee = (e.fee ?? 0n) + fees.creatorFee;
  e.layout = (e.isBuy ? BUY_LAYOUTS : SELL_LAYOUTS)[1]!;
  return true;
}

/** The steps both events append in the same order, from cashback on; `version` is the first one's number. */
function readSharedSteps(r: BorshReader, e: TradeEvent, fees: AppendedFees, layouts: readonly string[], version: number): void {
  if (r.remaining < 16) return;
  e.extra.cashbackFeeBasisPoints = r.u64().toString();
  e.extra.cashback = r.u64().toString();
  e.layout = layouts[version]!;
  if (r.remaining < 16) return;
  e.extra.buybackFeeBasisPoints = r.u64().toString();
  fees.buybackFee = r.u64();
  e.extra.buybackFee = fees.buybackFee.toString();
  e.layout = layouts[version + 1]!;
  if (r.remaining < 16) return;
  fees.virtualQuoteReserves = readI128(r);
  e.virtualQuoteReserves = fees.virtualQuoteReserves;
  e.layout = layouts[version + 2]!;
  if (r.remaining < 9) return;
  e.extra.canBoost = r.bool();
  e.extra.baseSupply = r.u64().toString();
  e.layout = layouts[version + 3]!;
  if (r.remaining < 16) return;
  e.holderRewardsBps = r.u64();
  e.holderRewards = r.u64();
  e.layout = layouts[version + 4]!;
  if (r.remaining < 8) return;
  e.creatorFeeUnclaimed = r.u64();
  e.layout = layouts[version + 5]!;
}

/** Borsh i128: low u64 then high i64 (two's complement). */
function readI128(r: BorshReader): bigint {
  const low = r.u64();
  const high = r.i64();
  return (high << 64n) + low;
}

/** v3 BuyEvent: min_base_amount_out then ix_name, a short snake_case name; anything else stops the walk. */
function readIxName(r: BorshReader, e: TradeEvent): boolean {
  const start = r.offset;
  const minBaseAmountOut = r.u64();
  const len = r.u32();
  if (len === 0 || len > MAX_IX_NAME_BYTES || r.remaining < len) {
    r.offset = start;
    return false;
  }
  let name = '';
  for (let i = r.offset; i < r.offset + len; i += 1) {
    const c = r.bytes[i] as number;
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x5f)) {
      r.offset = start;
      return false;
    }
    name += String.fromCharCode(c);
  }
  r.skip(len);
  e.extra.minBaseAmountOut = minBaseAmountOut.toString();
  e.ixName = name;
  return true;
}

/**
 * Base and quote reserves after the trade. Buy: base vault - base out, quote vault + quote with LP fee;
 * sell: base vault + base in, quote vault - quote out without LP fee (checked against the vaults' post
 * balances of the real v1 trades). A fee kept in the pool (v2) adds protocol fee - buyback + creator fee
 * to the vault; the effective reserves = vault + virtual_quote_reserves.
 */
function setReservesAfter(e: TradeEvent, poolBase: bigint, poolQuote: bigint, quoteLpAdjusted: bigint, fees: AppendedFees): void {
  const kept = e.extra.feeKept === true ? (e.protocolFee ?? 0n) - fees.buybackFee + fees.creatorFee : 0n;
  const base = e.isBuy ? poolBase - e.tokenAmount : poolBase + e.tokenAmount;
  const vault = (e.isBuy ? poolQuote + quoteLpAdjusted : poolQuote - quoteLpAdjusted) + kept;
  if (base < 0n || vault < 0n) return; // not a real pool's numbers: leave the reserves unknown
  e.virtualTokenReserves = base;
  e.realTokenReserves = base;
  e.realSolReserves = vault;
  e.virtualSolReserves = vault + fees.virtualQuoteReserves;
}
