/**
 * `Program data:` log lines attributed to the program that wrote them. The invoke stack is rebuilt from
 * `Program <id> invoke [n]` / `Program <id> success|failed` lines; each invocation is matched, in order,
 * to its instruction (same program, outer for n = 1, inner of the current outer for n ≥ 2) so that log
 * events get the same position as their self-CPI twins. Without instructions (bare log snippets) the
 * position falls back to counting invoke lines.
 */
import type { ChainInstruction } from '../contracts/chain-transaction.js';

export interface LogEvent {
  programId: string;
  outerIndex: number;
  innerIndex: number | null;
  /** The matched invocation, when the instruction list has it. */
  invocation: ChainInstruction | null;
  /** The line; decode its payload with `decodeLogData` only when needed (a self-CPI twin makes it moot). */
  line: string;
}

/** Anything with `has(programId)`: a Set or the decoders' Map. */
export interface ProgramIdSet {
  has(programId: string): boolean;
}

interface Frame {
  programId: string;
  outerIndex: number;
  innerIndex: number | null;
  invocation: ChainInstruction | null;
}

const INVOKE = ' invoke [';
const DATA_PREFIX = 'Program data: ';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Every `Program data:` line written by one of `programIds`, with its invocation's position. */
export function readLogEvents(logs: string[], instructions: ChainInstruction[], programIds: ProgramIdSet): LogEvent[] {
  const out: LogEvent[] = [];
  const stack: Frame[] = [];
  let ptr = 0;
  let outerCount = -1;
  let innerCount = -1;
  for (const line of logs) {
    if (!line.startsWith('Program ')) continue;
    if (line.startsWith(DATA_PREFIX)) {
      const top = stack[stack.length - 1];
      if (top !== undefined && programIds.has(top.programId)) {
        out.push({ programId: top.programId, outerIndex: top.outerIndex, innerIndex: top.innerIndex, invocation: top.invocation, line });
      }
      continue;
    }
    const invokeAt = line.indexOf(INVOKE);
    if (invokeAt > 8 && line.endsWith(']')) {
      const programId = line.slice(8, invokeAt);
      const depth = readDepth(line, invokeAt + INVOKE.length);
      if (!(depth >= 1)) continue;
      if (depth === 1) {
        outerCount += 1;
        innerCount = -1;
      } else {
        innerCount += 1;
      }
      const currentOuter = depth === 1 ? null : (stack[0]?.outerIndex ?? outerCount);
      const found = findInvocation(instructions, ptr, programId, currentOuter);
      if (found >= 0) ptr = found + 1;
      const ix = found >= 0 ? (instructions[found] as ChainInstruction) : null;
      stack.length = Math.min(stack.length, depth - 1);
      stack.push({
        programId,
        outerIndex: ix?.outerIndex ?? (depth === 1 ? outerCount : (currentOuter ?? outerCount)),
        innerIndex: ix === null ? (depth === 1 ? null : innerCount) : ix.innerIndex,
        invocation: ix,
      });
      continue;
    }
    if (line.endsWith(' success') || line.includes(' failed')) stack.pop();
  }
  return out;
}

/**
 * Next instruction from `from` for this program: outer when `outer` is null, else inner of `outer`.
 * An empty program id (a key behind a lookup table the source did not resolve) matches any program.
 */
function findInvocation(instructions: ChainInstruction[], from: number, programId: string, outer: number | null): number {
  for (let i = from; i < instructions.length; i += 1) {
    const ix = instructions[i] as ChainInstruction;
    if (outer === null) {
      if (ix.innerIndex === null && (ix.programId === programId || ix.programId === '')) return i;
    } else {
      if (ix.outerIndex > outer) return -1;
      if (ix.innerIndex !== null && ix.outerIndex === outer && (ix.programId === programId || ix.programId === '')) return i;
    }
  }
  return -1;
}

/** `n` of `invoke [n]`; a single digit (nearly every line) without slicing the string. */
function readDepth(line: string, at: number): number {
  const c = line.charCodeAt(at) - 48;
  if (line.length === at + 2 && c >= 0 && c <= 9) return c;
  return Number.parseInt(line.slice(at, -1), 10);
}

/** True when `line` is `Program data: <base64 of payload>` exactly (canonical base64, one part). */
export function isLogDataOf(line: string, base64: string): boolean {
  return line.length === DATA_PREFIX.length + base64.length && line.endsWith(base64);
}

/** The bytes of a `Program data:` line (parts concatenated), or null when it is not valid base64. */
export function decodeLogData(line: string): Uint8Array | null {
  const parts = line.slice(DATA_PREFIX.length).trim().split(' ');
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.length % 4 !== 0 || !BASE64.test(part)) return null;
    chunks.push(Buffer.from(part, 'base64'));
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}
