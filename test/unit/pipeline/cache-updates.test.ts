import { describe, expect, it } from 'vitest';
import { ActivityTracker, buildCacheUpdates } from '../../../src/pipeline/cache-updates.js';
import { emptyBatch, type TradeRow } from '../../../src/pipeline/rows.js';

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
});
