import { describe, expect, it } from 'vitest';
import { ActivityTracker, buildCacheUpdates, TRADES_PER_ANNOUNCEMENT } from '../../../src/pipeline/cache-updates.js';
import { emptyBatch, type TradeRow } from '../../../src/contracts/rows.js';

function trade(overrides: Partial<TradeRow>): TradeRow {
  return {
    signature: 'Sig', ixIndex: 0, innerIxIndex: -1, eventIndex: 0, blockTime: new Date('2026-12-01T00:00:00Z'), slot: 10n, txIndex: 0,
    poolId: 'pool', tokenId: 'token-a', mint: 'MintA', type: 'buy', user: 'User', quoteMint: 'So11111111111111111111111111111111111111112',
    amountIn: 1n, amountInDecimals: 9, amountOut: 1n, amountOutDecimals: 6, solAmount: '1', tokenAmount: '1', pricePerToken: '1',
    priceQuotePerToken: '0.5', protocolFee: null, platformFee: null, shareFee: null, creatorFee: null, transactionFee: 5000n,
    virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, success: true, errorCode: null, rawData: null,
    ...overrides,
  };
}

describe('buildCacheUpdates', () => {
  // Regression: the mint used to be looked up among the batch's token rows, so a token created in an
  // earlier batch got an empty mint in price:current.
  it('carries the mint of a token whose row was written in an earlier batch, and keeps the newest trade', () => {
    const batch = emptyBatch();
    batch.trades.push(
      trade({ signature: 'Late', slot: 12n, priceQuotePerToken: '0.7' }),
      trade({ signature: 'Early', slot: 11n, priceQuotePerToken: '0.6' }),
      trade({ signature: 'Failed', slot: 13n, success: false, priceQuotePerToken: '9' }),
    );
    const updates = buildCacheUpdates(batch, new ActivityTracker());
    expect(updates.prices).toEqual([{
      tokenId: 'token-a', mint: 'MintA', price: '0.7', slot: 12n, txIndex: 0, eventIndex: 0,
      blockTime: 1_796_083_200, lastTradeTime: '2026-12-01T00:00:00.000Z',
    }]);
    expect(updates.events).toHaveLength(1);
    expect(updates.events?.[0]).toMatchObject({ type: 'trade', slot: 12n, payload: { count: 2 } });
  });

  it('announces the trades of a large batch in order, in messages of at most TRADES_PER_ANNOUNCEMENT', () => {
    const batch = emptyBatch();
    const total = TRADES_PER_ANNOUNCEMENT * 2 + 3;
    for (let i = 0; i < total; i++) batch.trades.push(trade({ signature: `S${i}`, slot: BigInt(100 + Math.floor(i / 10)), success: i !== 5 }));
    const messages = (buildCacheUpdates(batch, new ActivityTracker()).events ?? []).filter((e) => e.type === 'trade');
    expect(messages.map((m) => m.payload['count'])).toEqual([TRADES_PER_ANNOUNCEMENT, TRADES_PER_ANNOUNCEMENT, 2]);
    const signatures = messages.flatMap((m) => (m.payload['trades'] as { signature: string }[]).map((t) => t.signature));
    expect(signatures).toEqual(batch.trades.filter((t) => t.success).map((t) => t.signature));
    // Each message's slot is the newest slot among its trades.
    for (const m of messages) {
      const slots = (m.payload['trades'] as { signature: string }[]).map((t) => batch.trades.find((r) => r.signature === t.signature)!.slot);
      expect(m.slot).toBe(slots.reduce((a, b) => (b > a ? b : a)));
    }
  });
});
