import { describe, expect, it } from 'vitest';
import { describeErrorChain, formatReplayUnavailable, parseReplayUnavailable } from '../../../src/stream/out-of-range.js';

describe('OUT_OF_RANGE replay refusal', () => {
  it('reads the refused range from the server text, also when wrapped by the native client', () => {
    const inner = new Error(`code: 'Operation was attempted past the valid range', message: "broadcast from 450649411 is not available, last available: 450649417"`);
    const outer = new Error('subscribe stream receive failed', { cause: inner });
    expect(parseReplayUnavailable(describeErrorChain(outer))).toEqual({ fromSlot: 450649411n, availableSlot: 450649417n });
  });

  it('ignores other errors and round-trips its own format', () => {
    expect(parseReplayUnavailable('connection reset')).toBeNull();
    expect(parseReplayUnavailable(formatReplayUnavailable(7n, 12n))).toEqual({ fromSlot: 7n, availableSlot: 12n });
  });
});
