/**
 * Decimals are never assumed: a trade's token and quote decimals come from the create instruction, the
 * transaction's token balances or a known quote mint; when none states them the raw amounts are stored and
 * the normalised ones stay null (the token-metadata job fills them), and a later transaction that states
 * them teaches the registry and the token row. Also: a LaunchLab trade without its mints is quarantined, and
 * a discovered LaunchLab token carries the launchpad brand of its trade.
 */
import { describe, expect, it } from 'vitest';
import type { ChainTokenBalance, ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { TradeEvent } from '../../../src/contracts/decoded-event.js';
import { emptyBatch } from '../../../src/contracts/rows.js';
import { addTransactionRows } from '../../../src/pipeline/build-rows.js';
import { decimalsOf } from '../../../src/pipeline/quote-mints.js';
import { TokenRegistry } from '../../../src/pipeline/token-registry.js';

const MINT = 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt';
const XSTOCK = 'Xs3oZwbHvqis4NYcf4YKWmEia2eC84wSiVrcYcTqpH8';
const POOL = '51K3CNZcHKyAENexuu45Qia7fFkW3g7dtatqj2dPF2kr';
const REWARD = '6BwHHDg3u1854jC8PDLXvR4spTcLNaoBxLJNGC4nTESt';

function balance(mint: string, decimals: number): ChainTokenBalance {
  return { accountIndex: 1, account: 'acct', mint, owner: 'owner', programId: null, amount: 1n, decimals };
}

function tx(slot: bigint, post: ChainTokenBalance[]): ChainTransaction {
  return {
    signature: `sig${slot}`, slot, txIndex: 0, blockTime: 1_790_000_000, success: true, err: null, errorCode: null, fee: 5000n,
    accountKeys: [], instructions: [], logMessages: [], preTokenBalances: [], postTokenBalances: post, preBalances: [], postBalances: [],
  };
}

function trade(slot: bigint, overrides: Partial<TradeEvent> = {}): TradeEvent {
  return {
    program: 'raydium_launchpad', kind: 'trade', source: 'cpi', signature: `sig${slot}`, slot, txIndex: 0, blockTime: 1_790_000_000,
    success: true, errorCode: null, position: { outerIndex: 0, innerIndex: 0, eventIndex: 0 }, layout: 'launchpad.TradeEvent.v2', trailingBytes: 0,
    mint: MINT, user: 'trader', isBuy: true, solAmount: 500_440_085n, tokenAmount: 177_717_073_934_162n, quoteMint: XSTOCK, pool: POOL,
    timestamp: null, virtualSolReserves: null, virtualTokenReserves: null, realSolReserves: null, realTokenReserves: null, fee: null,
    creatorFee: null, protocolFee: null, platformFee: null, shareFee: null, ixName: 'buy_exact_in', poolState: POOL, amountIn: 500_440_085n,
    amountOut: 177_717_073_934_162n, poolStatus: 0, extra: { platformConfig: REWARD, brand: 'stonkfun' }, ...overrides,
  };
}

describe('decimals in the pipeline', () => {
  it('knows the fixed quote mints, reads the rest from the token balances, and assumes nothing else', () => {
    expect(decimalsOf('So11111111111111111111111111111111111111112', null)).toBe(9);
    expect(decimalsOf('EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v', null)).toBe(6);
    expect(decimalsOf(XSTOCK, tx(1n, [balance(XSTOCK, 8)]))).toBe(8);
    expect(decimalsOf(MINT, tx(1n, [balance(XSTOCK, 8)]))).toBeNull();
    expect(decimalsOf(MINT, null)).toBeNull();
  });

  it('stores a trade whose decimals no transaction states with raw amounts only, then learns them from a later one', () => {
    const registry = new TokenRegistry();
    const first = emptyBatch();
    addTransactionRows(first, registry, tx(1n, []), [trade(1n)], { holders: false });
    expect(first.trades.map((t) => [t.amountIn, t.amountInDecimals, t.amountOut, t.amountOutDecimals, t.solAmount, t.tokenAmount, t.priceQuotePerToken, t.quoteMint]))
      .toEqual([[500_440_085n, null, 177_717_073_934_162n, null, null, null, null, XSTOCK]]);
    expect(first.trades[0]?.pricePerToken).not.toBeNull();
    expect(first.tokens.map((t) => [t.mint, t.decimals, t.quoteMint, t.quoteDecimals, t.launchpadPlatformConfig, t.launchpadBrand, t.discoverySource]))
      .toEqual([[MINT, null, XSTOCK, null, REWARD, 'stonkfun', 'trade']]);
    expect(first.pools.map((p) => p.initialPrice)).toEqual([null]);

    const second = emptyBatch();
    addTransactionRows(second, registry, tx(2n, [balance(MINT, 6), balance(XSTOCK, 8)]), [trade(2n)], { holders: false });
    expect(second.trades.map((t) => [t.amountInDecimals, t.amountOutDecimals, t.solAmount, t.tokenAmount])).toEqual([[8, 6, '5.00440085', '177717073.934162']]);
    expect(second.tokens.map((t) => [t.mint, t.decimals, t.quoteDecimals])).toEqual([[MINT, 6, 8]]);
    expect(registry.get(MINT)).toMatchObject({ decimals: 6, quoteDecimals: 8 });

    const third = emptyBatch();
    addTransactionRows(third, registry, tx(3n, []), [trade(3n)], { holders: false });
    expect([third.tokens, third.trades.map((t) => t.tokenAmount)]).toEqual([[], ['177717073.934162']]);
  });

  it('quarantines a LaunchLab trade whose invocation did not list its mint or quote mint', () => {
    const batch = emptyBatch();
    addTransactionRows(batch, new TokenRegistry(), tx(1n, []), [trade(1n, { mint: '' }), trade(1n, { quoteMint: '' })], { holders: false });
    expect([batch.trades, batch.tokens, batch.quarantine.map((q) => [q.kind, q.reason])]).toEqual([[], [], [
      ['unresolved', 'trade without its mint or quote mint: the invocation did not list them'],
      ['unresolved', 'trade without its mint or quote mint: the invocation did not list them'],
    ]]);
  });
});
