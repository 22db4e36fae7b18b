/**
 * What each program module provides to the transaction decoder: an event decoder (payload after the
 * 8-byte discriminator is read by the module) and an instruction reader (name, attempted trade,
 * instruction-derived events such as LaunchLab migrations).
 */
import type { ChainInstruction, ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodedEvent, EventBase, EventSource, ProgramName, TradeEvent } from '../contracts/decoded-event.js';

/** Fields every event gets from its transaction and position; the module adds kind, layout, fields. */
export type EventEnvelope = Omit<EventBase, 'kind' | 'layout' | 'trailingBytes'>;

export interface EventContext {
  tx: ChainTransaction;
  /** The program's invocation that emitted the event, when it is known (null for bare log snippets). */
  invocation: ChainInstruction | null;
  envelope: EventEnvelope;
}

export type EventOutcome =
  | { type: 'event'; event: DecodedEvent }
  /** A known event we do not map (admin, vesting, volume accumulators...). */
  | { type: 'ignored' }
  | { type: 'quarantine'; kind: 'unknown_discriminator' | 'malformed'; reason: string };

export interface ProgramDecoder {
  name: ProgramName;
  programId: string;
  /** Decodes one event payload (discriminator included). Never throws. */
  decodeEvent(payload: Uint8Array, ctx: EventContext): EventOutcome;
  /** Instruction name from its discriminator, or null when unknown. */
  instructionName(data: Uint8Array): string | null;
  /** The trade an instruction attempted (for failed transactions: amounts are the instruction's limits). */
  attemptedTrade?(ix: ChainInstruction, ctx: EventContext): TradeEvent | null;
  /** Events that exist only as instructions (LaunchLab migrations), for successful transactions. */
  instructionEvents?(ix: ChainInstruction, ctx: EventContext): DecodedEvent[];
}

/** Builds the envelope of an event. */
export function makeEnvelope(
  tx: ChainTransaction,
  program: ProgramName,
  source: EventSource,
  outerIndex: number,
  innerIndex: number | null,
): EventEnvelope {
  return {
    program,
    source,
    signature: tx.signature,
    slot: tx.slot,
    txIndex: tx.txIndex,
    blockTime: tx.blockTime,
    success: tx.success,
    errorCode: tx.errorCode,
    position: { outerIndex, innerIndex, eventIndex: -1 },
  };
}
