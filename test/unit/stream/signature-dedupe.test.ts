import { describe, expect, it } from 'vitest';
import { createSignatureDedupe } from '../../../src/stream/signature-dedupe.js';

describe('signature dedupe across reconnects', () => {
  it('reports repeats, forgets committed slots and caps the slots it remembers', () => {
    const dedupe = createSignatureDedupe(2);
    expect([dedupe.markFirstSeen(10n, 'a'), dedupe.markFirstSeen(10n, 'a'), dedupe.markFirstSeen(11n, 'a')]).toEqual([true, false, true]);
    dedupe.forgetThrough(10n);
    expect(dedupe.markFirstSeen(10n, 'a')).toBe(true);
    dedupe.markFirstSeen(12n, 'b');
    expect(dedupe.slotCount).toBe(2);
    expect(dedupe.markFirstSeen(10n, 'a')).toBe(true);
  });
});
