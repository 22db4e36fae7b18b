/** Pump.fun (6EF8…F6P): routes events by discriminator; reads trade instructions of failed transactions. */
import { readDiscriminator } from '../discriminator.js';
import { outcomeOfError, type EventContext, type EventOutcome, type ProgramDecoder } from '../program-decoder.js';
import { PUMPFUN_PROGRAM_ID } from '../../contracts/programs.js';
import type { ChainInstruction } from '../../contracts/chain-transaction.js';
import { decodePumpCompleteEvent, decodePumpMigrationEvent } from './complete-events.js';
import { decodePumpCreateEvent } from './create-event.js';
import { decodePumpAdminCtoEvent, decodePumpAdminSetCreatorEvent, decodePumpMigrateCreatorEvent, decodePumpSetCreatorEvent } from './creator-events.js';
import { PUMP_EVENT, PUMP_IGNORED_EVENTS, PUMP_INSTRUCTIONS } from './discriminators.js';
import { decodePumpSweepEvent } from './fee-events.js';
import { readPumpAttemptedTrade } from './instructions.js';
import { decodePumpMayhemResetEvent } from './mayhem-events.js';
import { decodePumpPostCompleteBuyEvent } from './post-complete-buy-event.js';
import { decodePumpTradeEvent } from './trade-event.js';

function instructionName(data: Uint8Array): string | null {
  const disc = readDiscriminator(data);
  return disc === null ? null : (PUMP_INSTRUCTIONS.get(disc) ?? null);
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
  switch (disc) {
    case PUMP_EVENT.TradeEvent:
      return { type: 'event', event: decodePumpTradeEvent(payload, ctx, ixName) };
    case PUMP_EVENT.CreateEvent:
      return { type: 'event', event: decodePumpCreateEvent(payload, ctx, ixName) };
    case PUMP_EVENT.CompleteEvent:
      return { type: 'event', event: decodePumpCompleteEvent(payload, ctx) };
    case PUMP_EVENT.CompletePumpAmmMigrationEvent:
      return { type: 'event', event: decodePumpMigrationEvent(payload, ctx) };
    case PUMP_EVENT.PostCompleteBuyEvent:
      return { type: 'event', event: decodePumpPostCompleteBuyEvent(payload, ctx) };
    case PUMP_EVENT.SweepBondingCurveFeeEvent:
      return { type: 'event', event: decodePumpSweepEvent(payload, ctx) };
    case PUMP_EVENT.AdminCtoEvent:
      return { type: 'event', event: decodePumpAdminCtoEvent(payload, ctx) };
    case PUMP_EVENT.SetCreatorEvent:
      return { type: 'event', event: decodePumpSetCreatorEvent(payload, ctx) };
    case PUMP_EVENT.AdminSetCreatorEvent:
      return { type: 'event', event: decodePumpAdminSetCreatorEvent(payload, ctx) };
    case PUMP_EVENT.MigrateBondingCurveCreatorEvent:
      return { type: 'event', event: decodePumpMigrateCreatorEvent(payload, ctx) };
    case PUMP_EVENT.UpdateMayhemVirtualParamsEvent:
      return { type: 'event', event: decodePumpMayhemResetEvent(payload, ctx, ixName) };
    default:
      if (disc !== null && PUMP_IGNORED_EVENTS.has(disc)) return { type: 'ignored' };
      return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown pump event discriminator' };
  }
}

/** The Pump.fun program decoder. */
export const pumpfunDecoder: ProgramDecoder = {
  name: 'pumpfun',
  programId: PUMPFUN_PROGRAM_ID,
  decodeEvent,
  instructionName,
  attemptedTrade: (ix: ChainInstruction, ctx: EventContext) => readPumpAttemptedTrade(ix, instructionName(ix.data), ctx),
};
