/**
 * What each program module provides to the transaction decoder: an event decoder (payload after the
 * 8-byte discriminator is read by the module) and an instruction reader (name, attempted trade,
 * instruction-derived events such as LaunchLab migrations).
 */
import type { ChainInstruction, ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodedEvent, EventBase, EventSource, ProgramName, TradeEvent } from '../contracts/decoded-event.js';
import { DecodeError, describeError } from '../shared/errors.js';

/** Fields every event gets from its transaction and position; the module adds kind, layout, fields. */
export type EventEnvelope = Omit<EventBase, 'kind' | 'layout' | 'trailingBytes'>;

export interface EventContext {
  tx: ChainTransaction;
  /** The program's invocation that emitted the event, when it is known (null for bare log snippets). */
  invocation: ChainInstruction | null;
  envelope: EventEnvelope;
}

/**
 * A payload that goes to quarantine, by kind: `unknown_discriminator` (no layout of ours has it),
 * `malformed` (a known layout the bytes do not fit; `offset` is the byte where reading stopped, null when
 * no position applies) or `decoder_failure` (a bug: something other than a `DecodeError` was thrown).
 */
export interface QuarantineOutcome {
  type: 'quarantine';
  kind: 'unknown_discriminator' | 'malformed' | 'decoder_failure';
  offset: number | null;
  reason: string;
}

export type EventOutcome =
  | { type: 'event'; event: DecodedEvent }
  /** A known event we do not map (admin, vesting, volume accumulators...). */
  | { type: 'ignored' }
  | QuarantineOutcome;

export interface ProgramDecoder {
  name: ProgramName;
  programId: string;
  /**
   * Decodes one event payload (discriminator included). Never throws: a `DecodeError` becomes a
   * `malformed` outcome with its offset (`outcomeOfError`). Modules put the try around a call to their
   * routing function, not around the routing itself: that measured ~5% slower decoding (bench/decode.ts).
   */
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

/**
 * The outcome of an error thrown while decoding one payload: a `DecodeError` is bad input (`malformed`,
 * its offset in the outcome and in the reason, `malformed at byte 41: needs 8 bytes, has 3`); anything
 * else is a decoder bug (`decoder_failure`).
 */
export function outcomeOfError(error: unknown): QuarantineOutcome {
  if (error instanceof DecodeError) return malformedOutcome(error.message, error.offset);
  return { type: 'quarantine', kind: 'decoder_failure', offset: null, reason: `decoder failure: ${describeError(error)}` };
}

/** A `malformed` outcome; the reason says where reading stopped when the offset is known. */
export function malformedOutcome(detail: string, offset: number | null): QuarantineOutcome {
  const reason = offset === null ? `malformed: ${detail}` : `malformed at byte ${offset}: ${detail}`;
  return { type: 'quarantine', kind: 'malformed', offset, reason };
}
