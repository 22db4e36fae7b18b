import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import { normalizeYellowstoneTransaction } from '../../../src/stream/normalize/from-yellowstone.js';
import { buyOnCurve, createCurve, INITIAL_REAL_TOKEN_RAW } from '../../../src/simulate/bonding-curve.js';
import { createSyntheticMarket } from '../../../src/simulate/synthetic-market.js';

describe('synthetic market', () => {
  it('every generated trade decodes to the event generated, nothing is quarantined', () => {
    const market = createSyntheticMarket({ seed: 7, tokensPerMinute: 60, tradesPerSecond: 40, startSlot: 400_000_000n, whaleShare: 0.08 });
    const decodedTrades: unknown[] = [];
    const counts: Record<string, number> = { create: 0, pool_create: 0, trade: 0, complete: 0, migrate: 0 };
    const quarantine: string[] = [];
    const failedSeen: string[] = [];
    for (const { updates } of market.slots(150)) {
      for (const update of updates) {
        if (!update.transaction) continue;
        const normalized = normalizeYellowstoneTransaction(update.transaction);
        if (!normalized.ok) {
          quarantine.push(normalized.quarantine.reason);
          continue;
        }
        if (!normalized.tx.success) failedSeen.push(normalized.tx.signature);
        const result = decodeTransaction(normalized.tx);
        quarantine.push(...result.quarantine.map((q) => `${q.reason} ${q.discriminator ?? ''}`));
        for (const event of result.events) {
          if (event.success) counts[event.kind] = (counts[event.kind] ?? 0) + 1;
          if (event.kind === 'trade' && event.success) {
            decodedTrades.push({ program: event.program, signature: event.signature, slot: event.slot, txIndex: event.txIndex, outerIndex: event.position.outerIndex, innerIndex: event.position.innerIndex, mint: event.mint, user: event.user, isBuy: event.isBuy, solAmount: event.solAmount, tokenAmount: event.tokenAmount });
          }
        }
      }
    }
    expect(quarantine).toEqual([]);
    expect(decodedTrades).toEqual(market.truth);
    expect(counts).toEqual(market.eventCounts);
    expect(failedSeen).toEqual(market.failed);
    expect(market.truth.length).toBeGreaterThan(2_000);
    expect(market.eventCounts.complete).toBeGreaterThan(0);
    expect(market.eventCounts.migrate).toBeGreaterThan(0);
    expect(market.eventCounts.pool_create).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number) => [...createSyntheticMarket({ seed, tokensPerMinute: 30, tradesPerSecond: 10, startSlot: 1n }).slots(20)].map((s) => s.updates.length);
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('the curve completes exactly when the real tokens are gone', () => {
    const curve = createCurve();
    const trade = buyOnCurve(curve, 200_000_000_000n);
    expect({ tokenAmount: trade.tokenAmount, completes: trade.completes, realToken: curve.realToken }).toEqual({ tokenAmount: INITIAL_REAL_TOKEN_RAW, completes: true, realToken: 0n });
    // ~85 SOL of real SOL empties the curve (FACTS §6).
    expect(trade.solAmount / 1_000_000_000n).toBe(85n);
  });
});
