/**
 * untilAborted: the value when the promise wins, undefined when the signal wins, the rejection passed on,
 * and no listener left behind — the property that `Promise.race` with a long-lived promise lacks (it kept
 * one reaction per call: one retained closure per stream update).
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { untilAborted } from '../../../src/shared/abort.js';

describe('untilAborted', () => {
  it('gives the value, passes a rejection on, and leaves no listener on the signal after 10,000 waits', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 10_000; i += 1) expect(await untilAborted(Promise.resolve(i), controller.signal)).toBe(i);
    await expect(untilAborted(Promise.reject(new Error('boom')), controller.signal)).rejects.toThrow('boom');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves undefined when the signal aborts first, or was aborted already, and a late rejection is not unhandled', async () => {
    const controller = new AbortController();
    let rejectLate!: (error: Error) => void;
    const pending = untilAborted(new Promise<number>((_, reject) => (rejectLate = reject)), controller.signal);
    controller.abort();
    expect(await pending).toBeUndefined();
    rejectLate(new Error('late'));
    expect(await untilAborted(new Promise<number>(() => undefined), controller.signal)).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
  });
});
