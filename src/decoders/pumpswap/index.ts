/**
 * PumpSwap (pAMMBa…EA), where Pump.fun curves graduate to: BuyEvent / SellEvent (swap-events.ts, every
 * layout) → `trade`, CreatePoolEvent (301 B; +coin_creator 333 B, IDL e2b66e4; later fields appended) →
 * `pool_create`. Trades come from buy / sell / buy_exact_quote_in, their `_v2` forms and each pool hop of
 * `multi_hop_swap` (a curve hop of a route is a pump TradeEvent, emitted and decoded under the pump
 * program). The stream carries every PumpSwap trade; which pools are ours is the pipeline's business.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { readDiscriminator } from '../discriminator.js';
import { buildPoolCreateEvent } from '../event-objects.js';
import { outcomeOfError, type EventContext, type EventOutcome, type ProgramDecoder } from '../program-decoder.js';
import { PUMPSWAP_PROGRAM_ID } from '../../contracts/programs.js';
import type { ChainInstruction } from '../../contracts/chain-transaction.js';
import { type PoolCreateEvent } from '../../contracts/decoded-event.js';
import { PUMPSWAP_EVENT, PUMPSWAP_IGNORED_EVENTS, PUMPSWAP_INSTRUCTIONS } from './discriminators.js';
import { readPumpSwapAttemptedTrade } from './instructions.js';
import { decodePumpSwapTrade } from './swap-events.js';

function instructionName(data: Uint8Array): string | null {
  const disc = readDiscriminator(data);
  return disc === null ? null : (PUMPSWAP_INSTRUCTIONS.get(disc) ?? null);
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
  const ixName = ctx.invocation === null ? null : instructionName(ctx.invocation.data);
  if (disc === PUMPSWAP_EVENT.BuyEvent) return { type: 'event', event: decodePumpSwapTrade(payload, ctx, true, ixName) };
  if (disc === PUMPSWAP_EVENT.SellEvent) return { type: 'event', event: decodePumpSwapTrade(payload, ctx, false, ixName) };
  if (disc === PUMPSWAP_EVENT.CreatePoolEvent) return { type: 'event', event: decodeCreatePool(payload, ctx) };
  if (disc !== null && PUMPSWAP_IGNORED_EVENTS.has(disc)) return { type: 'ignored' };
  return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown pumpswap event discriminator' };
}

/** The PumpSwap program decoder. */
export const pumpswapDecoder: ProgramDecoder = {
  name: 'pumpswap',
  programId: PUMPSWAP_PROGRAM_ID,
  decodeEvent,
  instructionName,
  attemptedTrade: (ix: ChainInstruction, ctx: EventContext) => readPumpSwapAttemptedTrade(ix, instructionName(ix.data), ctx),
};
