/**
 * One transaction → its events, in transaction order, each real event once.
 *
 * Sources, per program invocation (routed by program id first — pump and LaunchLab share the
 * TradeEvent discriminator): self-CPI inner instructions (`e445a52e51cb9a1d ‖ event`) and `Program data:`
 * log lines. Pump writes both with identical bytes, LaunchLab sometimes only the CPI, a key behind an
 * unresolved lookup table leaves only the log: a log payload equal to a CPI payload of the same
 * invocation is the same event. A failed transaction has no effective events: its trade instructions
 * are reported as attempts (success = false). LaunchLab migrations exist only as instructions.
 */
import { discriminatorHex, EVENT_IX_TAG, readDiscriminator } from './discriminator.js';
import { decodeLogData, isLogDataOf, readLogEvents } from './log-events.js';
import { makeEnvelope, malformedOutcome, outcomeOfError, type EventContext, type EventOutcome, type ProgramDecoder, type QuarantineOutcome } from './program-decoder.js';
import type { ChainInstruction, ChainTransaction } from '../contracts/chain-transaction.js';
import type { DecodedEvent, DecodeResult, EventSource } from '../contracts/decoded-event.js';
import type { QuarantineKind, QuarantineRecord } from '../contracts/quarantine.js';

interface Candidate {
  decoder: ProgramDecoder;
  key: number;
  outerIndex: number;
  innerIndex: number | null;
  invocation: ChainInstruction | null;
  source: EventSource;
  /** Event payload (discriminator first); null for an instruction-derived event or bad base64. */
  payload: Uint8Array | null;
  /** A log candidate's `Program data:` line, decoded into `payload` only when it has no self-CPI twin. */
  line: string | null;
  /** A CPI candidate's payload as base64, computed when a log line of its invocation is compared. */
  base64: string | null;
  instruction: ChainInstruction | null;
  /** Known before decoding: the candidate goes to quarantine (unknown instruction, line not base64). */
  failure: QuarantineOutcome | null;
}

const NOT_BASE64: QuarantineOutcome = { type: 'quarantine', kind: 'malformed', offset: null, reason: 'Program data line is not base64' };
const UNKNOWN_INSTRUCTION: QuarantineOutcome = { type: 'quarantine', kind: 'unknown_discriminator', offset: null, reason: 'unknown instruction discriminator' };
const SHORT_INSTRUCTION = malformedOutcome('instruction data shorter than its discriminator', 0);
const SHORT_PAYLOAD = malformedOutcome('event payload shorter than its discriminator', 0);

const invocationKey = (outer: number, inner: number | null): number => outer * 4096 + (inner === null ? 0 : inner + 1);

/**
 * Decodes one normalised transaction. Never throws: bad payloads become quarantine records. A
 * transaction that touches none of the decoders' programs says so (`notMine`), at no extra cost.
 */
export function decodeWith(decoders: ReadonlyMap<string, ProgramDecoder>, tx: ChainTransaction): DecodeResult {
  const events: DecodedEvent[] = [];
  const quarantine: QuarantineRecord[] = [];
  if (!touchesPrograms(tx, decoders)) return { events, quarantine, notMine: true };
  const candidates = tx.success ? collectEffective(decoders, tx) : collectAttempts(decoders, tx);
  for (const c of candidates) {
    const ctx: EventContext = { tx, invocation: c.invocation, envelope: makeEnvelope(tx, c.decoder.name, c.source, c.outerIndex, c.innerIndex) };
    const outcome = runCandidate(c, ctx);
    if (outcome.type === 'event') {
      outcome.event.position.eventIndex = events.length;
      events.push(outcome.event);
    } else if (outcome.type === 'quarantine') {
      quarantine.push(toQuarantine(c, tx, outcome.kind, outcome.reason));
    }
  }
  return { events, quarantine, notMine: false };
}

function touchesPrograms(tx: ChainTransaction, decoders: ReadonlyMap<string, ProgramDecoder>): boolean {
  for (const key of tx.accountKeys) if (decoders.has(key)) return true;
  for (const ix of tx.instructions) if (decoders.has(ix.programId)) return true;
  for (const line of tx.logMessages) if (line.endsWith(']') && decoders.has(line.slice(8, line.indexOf(' ', 8)))) return true;
  return false;
}

/** The candidate's outcome; a `DecodeError` (instruction arguments too short) is `malformed` with its offset. */
function runCandidate(c: Candidate, ctx: EventContext): EventOutcome {
  try {
    if (c.failure !== null) return c.failure;
    if (c.payload !== null) {
      if (c.payload.length < 8) return SHORT_PAYLOAD;
      return c.decoder.decodeEvent(c.payload, ctx);
    }
    const ix = c.instruction as ChainInstruction;
    if (!ctx.tx.success) {
      const trade = c.decoder.attemptedTrade?.(ix, ctx) ?? null;
      return trade === null ? { type: 'ignored' } : { type: 'event', event: trade };
    }
    const derived = c.decoder.instructionEvents?.(ix, ctx) ?? [];
    return derived[0] === undefined ? { type: 'ignored' } : { type: 'event', event: derived[0] };
  } catch (error) {
    return outcomeOfError(error);
  }
}

/** Candidates by invocation key. */
type Groups = Map<number, { cpi: Candidate[]; log: Candidate[]; ix: Candidate[] }>;

function groupOf(groups: Groups, key: number): { cpi: Candidate[]; log: Candidate[]; ix: Candidate[] } {
  let g = groups.get(key);
  if (g === undefined) groups.set(key, (g = { cpi: [], log: [], ix: [] }));
  return g;
}

/** Successful transaction: CPI events, log events (deduplicated against CPI), instruction events. */
function collectEffective(decoders: ReadonlyMap<string, ProgramDecoder>, tx: ChainTransaction): Candidate[] {
  const groups: Groups = new Map();
  const instructions = tx.instructions;
  for (let i = 0; i < instructions.length; i += 1) {
    const ix = instructions[i] as ChainInstruction;
    const decoder = decoders.get(ix.programId);
    if (decoder === undefined) continue;
    if (ix.innerIndex !== null && readDiscriminator(ix.data) === EVENT_IX_TAG) {
      const parent = findParent(instructions, i) ?? ix;
      const c = candidate(decoder, parent, 'cpi', ix.data.subarray(8), null);
      groupOf(groups, c.key).cpi.push(c);
    } else {
      const c = instructionCandidate(decoder, ix);
      if (c !== null) groupOf(groups, c.key).ix.push(c);
    }
  }
  for (const le of readLogEvents(tx.logMessages, instructions, decoders)) {
    const decoder = decoders.get(le.programId) as ProgramDecoder;
    const c = candidate(decoder, le.invocation, 'log', null, null);
    c.line = le.line;
    c.outerIndex = le.outerIndex;
    c.innerIndex = le.innerIndex;
    c.key = invocationKey(le.outerIndex, le.innerIndex);
    groupOf(groups, c.key).log.push(c);
  }
  const out: Candidate[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const g = groups.get(key) as { cpi: Candidate[]; log: Candidate[]; ix: Candidate[] };
    const unmatched = [...g.cpi];
    out.push(...g.cpi);
    for (const log of g.log) {
      const twin = findTwin(unmatched, log);
      if (twin >= 0) unmatched.splice(twin, 1);
      else out.push(log);
    }
    out.push(...g.ix);
  }
  return out;
}

/**
 * The first unmatched CPI candidate whose payload equals the log line's. Fast path: the line is the CPI
 * payload's canonical base64 (what programs write), so the line is neither validated nor decoded. Else
 * the line is decoded (setting `payload`, or `failure` when it is not base64) and compared byte for byte.
 */
function findTwin(unmatched: Candidate[], log: Candidate): number {
  const line = log.line as string;
  for (let i = 0; i < unmatched.length; i += 1) {
    const c = unmatched[i] as Candidate;
    if (c.payload === null) continue;
    c.base64 ??= Buffer.from(c.payload.buffer, c.payload.byteOffset, c.payload.byteLength).toString('base64');
    if (isLogDataOf(line, c.base64)) return i;
  }
  log.payload = decodeLogData(line);
  if (log.payload === null) {
    log.failure = NOT_BASE64;
    return -1;
  }
  const payload = log.payload;
  return unmatched.findIndex((c) => c.payload !== null && Buffer.compare(c.payload, payload) === 0);
}

/** Failed transaction: every instruction of ours, read as an attempt (no event is effective). */
function collectAttempts(decoders: ReadonlyMap<string, ProgramDecoder>, tx: ChainTransaction): Candidate[] {
  const out: Candidate[] = [];
  for (const ix of tx.instructions) {
    const decoder = decoders.get(ix.programId);
    if (decoder === undefined || readDiscriminator(ix.data) === EVENT_IX_TAG) continue;
    if (decoder.attemptedTrade === undefined) continue;
    out.push(candidate(decoder, ix, 'instruction', null, null, ix));
  }
  return out;
}

function instructionCandidate(decoder: ProgramDecoder, ix: ChainInstruction): Candidate | null {
  if (ix.data.length === 0) return null; // jsonParsed instruction without raw data
  const name = decoder.instructionName(ix.data);
  if (name === null) return candidate(decoder, ix, 'instruction', null, ix.data.length < 8 ? SHORT_INSTRUCTION : UNKNOWN_INSTRUCTION, ix);
  return decoder.instructionEvents === undefined ? null : candidate(decoder, ix, 'instruction', null, null, ix);
}

/** The program's own invocation that a self-CPI event belongs to: same program, one level up. */
function findParent(instructions: ChainInstruction[], at: number): ChainInstruction | null {
  const self = instructions[at] as ChainInstruction;
  let loose: ChainInstruction | null = null;
  for (let j = at - 1; j >= 0; j -= 1) {
    const ix = instructions[j] as ChainInstruction;
    if (ix.outerIndex !== self.outerIndex) break;
    if (ix.programId !== self.programId || readDiscriminator(ix.data) === EVENT_IX_TAG) continue;
    if (ix.stackHeight === self.stackHeight - 1) return ix;
    loose ??= ix;
  }
  return loose;
}

function candidate(
  decoder: ProgramDecoder,
  invocation: ChainInstruction | null,
  source: EventSource,
  payload: Uint8Array | null,
  failure: QuarantineOutcome | null,
  instruction: ChainInstruction | null = null,
): Candidate {
  const outerIndex = invocation?.outerIndex ?? 0;
  const innerIndex = invocation?.innerIndex ?? null;
  return { decoder, key: invocationKey(outerIndex, innerIndex), outerIndex, innerIndex, invocation, source, payload, line: null, base64: null, instruction, failure };
}

function toQuarantine(c: Candidate, tx: ChainTransaction, kind: QuarantineKind, reason: string): QuarantineRecord {
  const raw = c.payload ?? c.instruction?.data ?? new Uint8Array(0);
  return {
    stage: 'decode', kind, program: c.decoder.name, discriminator: discriminatorHex(raw), raw, reason,
    signature: tx.signature, slot: tx.slot, position: { outerIndex: c.outerIndex, innerIndex: c.innerIndex },
  };
}
