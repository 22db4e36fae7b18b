import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../src/shared/time.js';

const later = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const settled = (p: Promise<unknown>): Promise<unknown> => p.then((value) => ({ value }), (error: Error) => ({ error: error.message }));

describe('withTimeout', () => {
  it('gives the value or the rejection of work that settles in time', async () => {
    expect(await settled(withTimeout(later(5, 'ok'), 1_000, () => new Error('late')))).toEqual({ value: 'ok' });
    expect(await settled(withTimeout(Promise.reject(new Error('refused')), 1_000, () => new Error('late')))).toEqual({ error: 'refused' });
  });

  it('rejects with the caller\'s error when the time runs out, and hands a late value to disposeLate', async () => {
    const disposed: string[] = [];
    const result = await settled(withTimeout(later(40, 'connection'), 5, () => new Error('no answer within 5 ms'), (late) => disposed.push(late)));
    expect(result).toEqual({ error: 'no answer within 5 ms' });
    await later(60, null);
    expect(disposed).toEqual(['connection']);
  });

  it('ignores a rejection that comes after the time-out', async () => {
    const late = later(20, null).then(() => Promise.reject(new Error('too late')));
    expect(await settled(withTimeout(late, 5, () => new Error('timed out')))).toEqual({ error: 'timed out' });
    await later(40, null); // an unhandled rejection here would fail the run
  });
});
