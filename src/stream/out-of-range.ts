/**
 * A Yellowstone server keeps only a window of recent slots for replay. Asking for an older `from_slot`
 * ends the stream with OUT_OF_RANGE (older servers: INTERNAL) and this message:
 * `broadcast from X is not available, last available: Y` — slots [X, Y) cannot be replayed.
 */
import { describeError } from '../shared/errors.js';

const OUT_OF_RANGE_PATTERN = /broadcast from (\d+) is not available, last available: (\d+)/;

/** The slots a server refused to replay: `fromSlot` inclusive to `availableSlot` exclusive. */
export interface ReplayUnavailable {
  fromSlot: bigint;
  availableSlot: bigint;
}

/** Reads the refused range out of an error message (a gRPC status text); null when it is another error. */
export function parseReplayUnavailable(message: string): ReplayUnavailable | null {
  const match = OUT_OF_RANGE_PATTERN.exec(message);
  if (!match?.[1] || !match[2]) return null;
  return { fromSlot: BigInt(match[1]), availableSlot: BigInt(match[2]) };
}

/** Formats the message exactly as the Yellowstone server does (for the test server). */
export function formatReplayUnavailable(fromSlot: bigint, availableSlot: bigint): string {
  return `broadcast from ${fromSlot} is not available, last available: ${availableSlot}`;
}

/**
 * The native client wraps the gRPC status in `cause`s ("subscribe stream receive failed" → "code: ...,
 * message: ..."); this joins the whole chain so the server's text can be read.
 */
export function describeErrorChain(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth += 1) {
    parts.push(describeError(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(': ');
}
