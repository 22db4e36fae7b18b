/** The pool filter: only AMM trades of pools our migrations created pass, the rest are dropped and counted. */
import { describe, expect, it } from 'vitest';
import { keepOwnedPoolTrades, OwnedAmmPools, type VenueOutcome } from '../../../src/pipeline/amm-pools.js';
import type { DecodedEvent, DecodeResult, MigrateEvent, ProgramName, TradeEvent } from '../../../src/contracts/decoded-event.js';
import { PUMPSWAP_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID } from '../../../src/contracts/programs.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const base = { source: 'cpi' as const, signature: 'sig', slot: 1n, txIndex: 0, blockTime: 1, success: true, errorCode: null, layout: 'x', trailingBytes: 0 };

function trade(program: ProgramName, pool: string, mint = 'MINT', eventIndex = 0): TradeEvent {
  return {
    ...base, program, kind: 'trade', position: { outerIndex: 0, innerIndex: null, eventIndex }, mint, user: 'u', isBuy: true, solAmount: 10n, tokenAmount: 500n,
    quoteMint: mint === 'MINT' ? WSOL : 'MINT', pool, timestamp: null, virtualSolReserves: 1_000n, virtualTokenReserves: 50_000n, realSolReserves: 1_000n,
    realTokenReserves: 50_000n, fee: null, creatorFee: null, protocolFee: null, platformFee: null, shareFee: null, ixName: 'swap', poolState: null,
    amountIn: null, amountOut: null, poolStatus: null, extra: {},
  };
}

function migrate(program: ProgramName, pool: string, ammProgram: string | null): MigrateEvent {
  return { ...base, program, kind: 'migrate', position: { outerIndex: 0, innerIndex: null, eventIndex: 0 }, mint: 'MINT', pool, ammProgram, quoteMint: WSOL, bondingCurve: 'curve', user: null, solAmount: null, tokenAmount: null, timestamp: null };
}

const result = (events: DecodedEvent[]): DecodeResult => ({ events, quarantine: [], notMine: false });

describe('keepOwnedPoolTrades', () => {
  it('drops and counts the AMM trades of pools that are not ours; keeps launchpad trades and returns the same result when nothing is dropped', () => {
    const counted: Array<[string, VenueOutcome]> = [];
    const count = (venue: string, outcome: VenueOutcome) => counted.push([venue, outcome]);
    const pools = new OwnedAmmPools();
    const onlyCurve = result([trade('pumpfun', 'curve')]);
    expect(keepOwnedPoolTrades(onlyCurve, pools, count)).toBe(onlyCurve);
    const mixed = result([trade('pumpfun', 'curve'), trade('pumpswap', 'foreign-pool', 'OTHER', 1), trade('raydium_amm_v4', 'foreign-amm', 'OTHER', 2)]);
    expect(keepOwnedPoolTrades(mixed, pools, count).events.map((e) => e.program)).toEqual(['pumpfun']);
    expect(counted).toEqual([['pumpfun', 'kept'], ['pumpfun', 'kept'], ['pumpswap', 'foreign_pool'], ['raydium_amm_v4', 'foreign_pool']]);
  });

  it('learns a pool from its migration, in event order, so the migration transaction\'s own trade passes', () => {
    const pools = new OwnedAmmPools();
    const kept = keepOwnedPoolTrades(result([migrate('pumpfun', 'new-pool', null), trade('pumpswap', 'new-pool', 'MINT', 1)]), pools);
    expect(kept.events.map((e) => e.kind)).toEqual(['migrate', 'trade']);
    expect(pools.get('new-pool')).toEqual({ address: 'new-pool', mint: 'MINT', quoteMint: WSOL, venue: 'pumpswap' });
    keepOwnedPoolTrades(result([migrate('raydium_launchpad', 'cp-pool', RAYDIUM_CPMM_PROGRAM_ID)]), pools);
    expect(pools.get('cp-pool')?.venue).toBe('raydium_cpmm');
    const failed = { ...migrate('pumpfun', 'never', PUMPSWAP_PROGRAM_ID), success: false };
    keepOwnedPoolTrades(result([failed]), pools);
    expect(pools.get('never')).toBeUndefined();
  });

  it('turns a trade round when the decoder took the pool\'s token for the quote', () => {
    const pools = new OwnedAmmPools();
    pools.add({ address: 'cp-pool', mint: 'MINT', quoteMint: WSOL, venue: 'raydium_cpmm' });
    const guessed = { ...trade('raydium_cpmm', 'cp-pool', WSOL), quoteMint: 'MINT' };
    const [kept] = keepOwnedPoolTrades(result([guessed]), pools).events as TradeEvent[];
    expect(kept).toMatchObject({ mint: 'MINT', quoteMint: WSOL, isBuy: false, solAmount: 500n, tokenAmount: 10n, virtualSolReserves: 50_000n, virtualTokenReserves: 1_000n });
  });

  it('stays bounded: the least recently used pool makes room', () => {
    const pools = new OwnedAmmPools(2);
    for (const address of ['a', 'b']) pools.add({ address, mint: address, quoteMint: WSOL, venue: 'pumpswap' });
    pools.get('a');
    pools.add({ address: 'c', mint: 'c', quoteMint: WSOL, venue: 'pumpswap' });
    expect([pools.size, pools.get('a') !== undefined, pools.get('b'), pools.get('c') !== undefined]).toEqual([2, true, undefined, true]);
  });
});
