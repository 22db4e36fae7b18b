/**
 * PumpSwap (pAMMBa…EA), only as far as Pump.fun graduations need it: CreatePoolEvent (301 B; +coin_creator
 * 333 B, IDL e2b66e4; +is_mayhem_mode 334 B, 864c072) → `pool_create`, BuyEvent / SellEvent (312 B;
 * 360 B with coin-creator fees, e2b66e4; later fields appended) → `trade`. The events carry the pool but
 * not the mint: base / quote mints come from the buy / sell instruction (accounts 3 and 4).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { discriminatorFromHex, readDiscriminator } from '../discriminator.js';
import { buildPoolCreateEvent, buildTradeEvent } from '../event-objects.js';
import { outcomeOfError, type EventContext, type EventOutcome, type ProgramDecoder } from '../program-decoder.js';
import { PUMPSWAP_PROGRAM_ID } from '../../contracts/programs.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import { type PoolCreateEvent, type TradeEvent } from '../../contracts/decoded-event.js';

const BUY_EVENT = discriminatorFromHex('67 f4 52 1f 2c f5 77 77');
const SELL_EVENT = discriminatorFromHex('3e 2f 37 0a a5 03 dc 2a');
const CREATE_POOL_EVENT = discriminatorFromHex('b1 31 0c d2 a0 76 a7 74');
const IGNORED_EVENTS = new Set(
  ['2d dc 5d 18 19 61 ac 68', '93 fa 6c 78 f7 1d 43 de', 'e2 d6 f6 21 07 f2 93 e5', '4f ac f6 31 cd 5b ce e8',
    '92 9f bd ac 92 58 38 f4', 'e8 f5 c2 ee ea da 3a 59', '6b 34 59 81 37 e2 51 16', '78 f8 3d 53 1f 8e 6b 90',
    '6b fd c1 4c e4 ca 1b 68', '61 61 d7 90 5d 92 16 7c', '86 24 0d 48 e8 65 82 d8', 'aa dd 52 c7 93 a5 f7 2e',
    '2b bc fa 12 dd 4b bb 5f', 'f2 e7 eb 66 41 63 bd d3', '96 6b c7 7b 7c cf 66 e4', 'c5 7a a7 7c 74 51 5b ff',
    'e1 98 ab 57 f6 3f 42 ea', '5a 17 41 23 3e f4 bc d0', '16 09 85 1a a0 2c 47 c0'].map(discriminatorFromHex),
);
const INSTRUCTIONS = new Map<bigint, string>(
  (
    [['admin_set_coin_creator', 'f2 28 75 91 49 60 69 68'], ['admin_update_token_incentives', 'd1 0b 73 57 d5 17 7c cc'], ['buy', '66 06 3d 12 01 da eb ea'], ['buy_exact_quote_in', 'c6 2e 15 52 b4 d9 e8 70'], ['claim_cashback', '25 3a 23 7e be 35 e4 c5'], ['claim_token_incentives', '10 04 47 1c cc 01 28 1b'], ['close_user_volume_accumulator', 'f9 45 a4 da 96 67 54 8a'], ['collect_coin_creator_fee', 'a0 39 59 2a b5 8b 2b 42'], ['create_config', 'c9 cf f3 72 4b 6f 2f bd'], ['create_pool', 'e9 92 d1 8e cf 68 40 bc'], ['deposit', 'f2 23 c6 89 52 e1 f2 b6'], ['disable', 'b9 ad bb 5a d8 0f ee e9'], ['extend_account', 'ea 66 c2 cb 96 48 3e e5'], ['init_user_volume_accumulator', '5e 06 ca 73 ff 60 e8 b7'], ['migrate_pool_coin_creator', 'd0 08 9f 04 4a af 10 3a'], ['sell', '33 e6 85 a4 01 7f 83 ad'], ['set_coin_creator', 'd2 95 80 2d bc 3a 4e af'], ['set_reserved_fee_recipients', '6f ac a2 e8 72 59 d5 8e'], ['sync_user_volume_accumulator', '56 1f c0 57 a3 57 4f ee'], ['toggle_cashback_enabled', '73 67 e0 ff bd 59 56 c3'], ['toggle_mayhem_mode', '01 09 6f d0 64 1f ff a3'], ['transfer_creator_fees_to_pump', '8b 34 86 55 e4 e5 6c f1'], ['transfer_creator_fees_to_pump_v2', '01 21 4e b9 21 43 2c 5c'], ['update_admin', 'a1 b0 28 d5 3c b8 b3 e4'], ['update_buyback_config', 'fb e0 ab 92 a0 1a 71 e9'], ['update_fee_config', '68 b8 67 f2 58 97 6b 14'], ['withdraw', 'b7 12 46 9c 94 6d a1 22']] as const
  ).map(([name, hex]) => [discriminatorFromHex(hex), name]),
);

function instructionName(data: Uint8Array): string | null {
  const disc = readDiscriminator(data);
  return disc === null ? null : (INSTRUCTIONS.get(disc) ?? null);
}

function decodeSwapEvent(payload: Uint8Array, ctx: EventContext, isBuy: boolean): TradeEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const baseAmount = r.u64();
  const limit = r.u64();
  r.skip(16); // user base / quote token reserves
  const poolBase = r.u64();
  const poolQuote = r.u64();
  const quoteAmount = r.u64();
  r.skip(8); // lp_fee_basis_points
  const lpFee = r.u64();
  r.skip(8); // protocol_fee_basis_points
  const protocolFee = r.u64();
  r.skip(8); // quote amount with / without lp fee
  const userQuoteAmount = r.u64();
  const pool = r.pubkey();
  const user = r.pubkey();
  r.skip(4 * 32); // user token accounts, protocol fee recipient and its token account
  let creatorFee: bigint | null = null;
  if (r.remaining >= 48) {
    r.skip(32 + 8); // coin_creator, coin_creator_fee_basis_points
    creatorFee = r.u64();
  }
  const accounts = ctx.invocation?.accounts ?? [];
  return buildTradeEvent(ctx, {
    layout: `pumpswap.${isBuy ? 'BuyEvent' : 'SellEvent'}.${creatorFee === null ? 'v0' : 'v1'}`,
    trailingBytes: r.remaining, mint: accounts[3] ?? '', user, isBuy, solAmount: quoteAmount, tokenAmount: baseAmount,
    quoteMint: accounts[4] ?? WSOL_MINT, pool, timestamp, virtualSolReserves: null, virtualTokenReserves: null,
    realSolReserves: null, realTokenReserves: null, fee: lpFee + protocolFee + (creatorFee ?? 0n), creatorFee,
    protocolFee, platformFee: null, shareFee: null, ixName: ctx.invocation === null ? null : instructionName(ctx.invocation.data),
    poolState: null, amountIn: null, amountOut: null, poolStatus: null,
    extra: { poolBaseReservesBefore: poolBase.toString(), poolQuoteReservesBefore: poolQuote.toString(), lpFee: lpFee.toString(), userQuoteAmount: userQuoteAmount.toString(), limit: limit.toString() },
  });
}

function decodeCreatePool(payload: Uint8Array, ctx: EventContext): PoolCreateEvent {
  const r = new BorshReader(payload, 8);
  r.skip(8 + 2); // timestamp, index
  const creator = r.pubkey();
  const baseMint = r.pubkey();
  const quoteMint = r.pubkey();
  const decimals = r.u8();
  r.skip(1 + 7 * 8 + 1); // quote decimals, amounts and liquidity, pool_bump
  const pool = r.pubkey();
  r.skip(3 * 32); // lp_mint, user token accounts
  return buildPoolCreateEvent(ctx, {
    layout: 'pumpswap.CreatePoolEvent', trailingBytes: r.remaining,
    poolState: pool, mint: baseMint, quoteMint, creator, config: ctx.invocation?.accounts[1] ?? '', platformConfig: null,
    name: '', symbol: '', uri: '', decimals, baseVault: ctx.invocation?.accounts[9] ?? null,
    quoteVault: ctx.invocation?.accounts[10] ?? null, tokenProgram: ctx.invocation?.accounts[13] ?? null,
    curveType: 'unknown', supply: null, totalBaseSell: null, totalQuoteFundRaising: null, migrateType: null,
  });
}

/** Never throws: see `ProgramDecoder.decodeEvent` (the try wraps a call on purpose). */
function decodeEvent(payload: Uint8Array, ctx: EventContext): EventOutcome {
  try {
    return routeEvent(payload, ctx);
  } catch (error) {
    return outcomeOfError(error);
  }
}

function routeEvent(payload: Uint8Array, ctx: EventContext): EventOutcome {
  const disc = readDiscriminator(payload);
  if (disc === BUY_EVENT) return { type: 'event', event: decodeSwapEvent(payload, ctx, true) };
  if (disc === SELL_EVENT) return { type: 'event', event: decodeSwapEvent(payload, ctx, false) };
  if (disc === CREATE_POOL_EVENT) return { type: 'event', event: decodeCreatePool(payload, ctx) };
  if (disc !== null && IGNORED_EVENTS.has(disc)) return { type: 'ignored' };
  return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown pumpswap event discriminator' };
}

/** The PumpSwap program decoder (graduation context only). */
export const pumpswapDecoder: ProgramDecoder = { name: 'pumpswap', programId: PUMPSWAP_PROGRAM_ID, decodeEvent, instructionName };
