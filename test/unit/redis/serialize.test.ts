/** Pub/sub announcements: `type` and `slot` from the event, payload fields as they are, bigints as decimal strings. */
import { describe, expect, it } from 'vitest';
import { serializeCacheEvent } from '../../../src/redis/serialize.js';

describe('serializeCacheEvent', () => {
  it('writes the payload with type and slot from the event, which a payload cannot override', () => {
    const text = serializeCacheEvent({ type: 'trade', slot: 18_446_744_073_709_551_615n, payload: { type: 'forged', slot: 1, count: 1, trades: [{ signature: 's', solAmount: '0.5' }] } });
    expect(JSON.parse(text)).toEqual({ type: 'trade', slot: '18446744073709551615', count: 1, trades: [{ signature: 's', solAmount: '0.5' }] });
  });

  it('writes bigints anywhere in the payload as decimal strings', () => {
    const text = serializeCacheEvent({ type: 'graduation', slot: 5n, payload: { amount: 12_345_678_901_234_567_890n, nested: [{ raw: 1n }] } });
    expect(JSON.parse(text)).toEqual({ type: 'graduation', slot: '5', amount: '12345678901234567890', nested: [{ raw: '1' }] });
  });
});
