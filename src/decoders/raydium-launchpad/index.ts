/** Raydium LaunchLab (LanMV9…uj): events by discriminator, attempted trades, instruction-only migrations. */
import { discriminatorFromHex, readDiscriminator } from '../discriminator.js';
import { outcomeOfError, type EventContext, type EventOutcome, type ProgramDecoder } from '../program-decoder.js';
import { RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../../contracts/programs.js';
import { decodeLaunchpadPoolCreateEvent } from './pool-create-event.js';
import { decodeLaunchpadTradeEvent } from './trade-event.js';
import { launchpadInstructionName, readLaunchpadAttemptedTrade, readLaunchpadMigration } from './instructions.js';

const TRADE_EVENT = discriminatorFromHex('bd db 7f d3 4e e6 61 ee');
const POOL_CREATE_EVENT = discriminatorFromHex('97 d7 e2 09 76 a1 73 ae');
/** ClaimVestedEvent, CreateVestingEvent: known, not mapped. */
const IGNORED = new Set([discriminatorFromHex('15 c2 72 57 78 d3 e2 20'), discriminatorFromHex('96 98 0b b3 34 d2 bf 7d')]);

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
  const ixName = ctx.invocation === null ? null : launchpadInstructionName(ctx.invocation.data);
  if (disc === TRADE_EVENT) return { type: 'event', event: decodeLaunchpadTradeEvent(payload, ctx, ixName) };
  if (disc === POOL_CREATE_EVENT) return { type: 'event', event: decodeLaunchpadPoolCreateEvent(payload, ctx, ixName) };
  if (disc !== null && IGNORED.has(disc)) return { type: 'ignored' };
  return { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown launchpad event discriminator' };
}

/** The Raydium LaunchLab program decoder. */
export const raydiumLaunchpadDecoder: ProgramDecoder = {
  name: 'raydium_launchpad',
  programId: RAYDIUM_LAUNCHPAD_PROGRAM_ID,
  decodeEvent,
  instructionName: launchpadInstructionName,
  attemptedTrade: readLaunchpadAttemptedTrade,
  instructionEvents: readLaunchpadMigration,
};
