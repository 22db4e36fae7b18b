/** Rows of AMM trades (amm-trade-rows.ts via build-rows.ts): the token's amm pool, and nothing made up. */
import { describe, expect, it } from 'vitest';
import { addTransactionRows } from '../../../src/pipeline/build-rows.js';
import { TokenRegistry } from '../../../src/pipeline/token-registry.js';
import { poolIdOf, tokenIdOf } from '../../../src/pipeline/ids.js';
import { emptyBatch } from '../../../src/contracts/rows.js';
import type { ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { TradeEvent } from '../../../src/contracts/decoded-event.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const tx: ChainTransaction = {
  signature: 'sig', slot: 7n, txIndex: 3, blockTime: 1_790_000_000, success: true, err: null, errorCode: null, fee: 5_000n, accountKeys: [],
  instructions: [], logMessages: [], preTokenBalances: [], postTokenBalances: [], preBalances: [], postBalances: [],
};

function ammTrade(extra: TradeEvent['extra'] = { amountsFrom: 'vault_balances' }, mint = 'MINT'): TradeEvent {
  return {
    program: 'raydium_cpmm', kind: 'trade', source: 'instruction', signature: 'sig', slot: 7n, txIndex: 3, blockTime: 1_790_000_000, success: true, errorCode: null,
    position: { outerIndex: 2, innerIndex: 1, eventIndex: 0 }, layout: 'raydium_cpmm.instruction.swap_base_input', trailingBytes: 0, mint, user: 'u', isBuy: true,
    solAmount: 2_000_000_000n, tokenAmount: 1_000_000n, quoteMint: WSOL, pool: 'CP-POOL', timestamp: null, virtualSolReserves: 90_000_000_000n,
    virtualTokenReserves: 40_000_000n, realSolReserves: 90_000_000_000n, realTokenReserves: 40_000_000n, fee: null, creatorFee: null, protocolFee: null,
    platformFee: null, shareFee: null, ixName: 'swap_base_input', poolState: null, amountIn: null, amountOut: null, poolStatus: null, extra,
  };
}

describe('AMM trade rows', () => {
  it('put the trade on the AMM pool, for the token, and move that pool\'s reserves (no curve progress)', () => {
    const batch = emptyBatch();
    addTransactionRows(batch, new TokenRegistry(), tx, [ammTrade()], { holders: false });
    expect(batch.trades.map((t) => [t.poolId, t.tokenId, t.type, t.amountIn, t.amountOut, t.virtualSolReserves])).toEqual([[poolIdOf('CP-POOL'), tokenIdOf('MINT'), 'buy', 2_000_000_000n, 1_000_000n, 90_000_000_000n]]);
    expect(batch.poolStates).toEqual([{ poolId: poolIdOf('CP-POOL'), slot: 7n, txIndex: 3, eventIndex: 0, virtualSolReserves: 90_000_000_000n, virtualTokenReserves: 40_000_000n, realSolReserves: 90_000_000_000n, realTokenReserves: 40_000_000n, progress: null, status: null }]);
    expect(batch.tokens.map((t) => [t.mint, t.platform, t.discoverySource, t.bondingCurve])).toEqual([['MINT', 'raydium_launchpad', 'trade', null]]);
    expect(batch.pools).toEqual([]);
  });

  it('store no swap whose amounts are only its limits, and none without its mints: both are quarantined', () => {
    const batch = emptyBatch();
    addTransactionRows(batch, new TokenRegistry(), tx, [ammTrade({ amountsAre: 'instruction_limits' }), ammTrade({}, '')], { holders: false });
    expect(batch.trades).toEqual([]);
    expect(batch.quarantine.map((q) => [q.stage, q.kind, q.reason])).toEqual([
      ['store', 'unresolved', 'AMM swap without vault balances or transfers: its amounts are unknown (only its limits)'],
      ['store', 'unresolved', 'AMM trade without its pool or mints: neither the invocation nor the token balances name them'],
    ]);
  });
});
