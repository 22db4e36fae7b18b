import { describe, expect, it } from 'vitest';
import { computeHolderSnapshot, type HolderBalance } from '../../../src/analytics/holders/holder-snapshot.js';

const AT = new Date('2026-01-02T00:00:00Z');
const OLD = new Date('2025-12-31T00:00:00Z');
const RECENT = new Date('2026-01-01T12:00:00Z');
const SUPPLY = 1_000_000_000_000_000n; // 1e9 tokens, 6 decimals
const noBuckets = { holders1To100: 0, holders100To1k: 0, holders1kTo10k: 0, holders10kTo100k: 0, holders100kPlus: 0 };

function holder(owner: string, wholeTokens: bigint, firstSeen = RECENT): HolderBalance {
  return { owner, balance: wholeTokens * 1_000_000n, firstSeen };
}

describe('computeHolderSnapshot', () => {
  it('one holder while the curve holds almost everything: tiny concentration, Gini 0', () => {
    const snapshot = computeHolderSnapshot({ decimals: 6, initialSupply: SUPPLY, holders: [holder('alice', 1_000n, OLD)], holderAccounts: 1, excluded: { curve: SUPPLY - 1_000_000_000n }, at: AT });
    expect(snapshot).toEqual({
      snapshotTime: AT,
      totalHolders: 1,
      uniqueHolders: 1,
      top10Concentration: '0.00',
      top25Concentration: '0.00',
      top100Concentration: '0.00',
      giniCoefficient: '0.0000',
      buckets: { ...noBuckets, holders1kTo10k: 1 },
      averageHoldingSize: '1000.000000',
      medianHoldingSize: '1000.000000',
      diamondHandsCount: 1,
      supply: SUPPLY,
      rawDistribution: {
        version: 1, unit: 'raw', decimals: 6, supply: SUPPLY.toString(), heldByHolders: '1000000000',
        excluded: { curve: (SUPPLY - 1_000_000_000n).toString() },
        top: [['alice', '1000000000']], truncated: false, histogramWholeTokens: { '1000': 1 },
      },
    });
  });

  it('all equal holders: Gini 0, top 10 holds all of the supply they hold', () => {
    const holders = ['a', 'b', 'c', 'd'].map((o) => holder(o, 250_000_000n));
    const snapshot = computeHolderSnapshot({ decimals: 6, initialSupply: SUPPLY, holders, holderAccounts: 5, excluded: {}, at: AT });
    expect({ ...snapshot, rawDistribution: undefined }).toEqual({
      snapshotTime: AT, totalHolders: 5, uniqueHolders: 4,
      top10Concentration: '100.00', top25Concentration: '100.00', top100Concentration: '100.00',
      giniCoefficient: '0.0000', buckets: { ...noBuckets, holders100kPlus: 4 },
      averageHoldingSize: '250000000.000000', medianHoldingSize: '250000000.000000', diamondHandsCount: 0, supply: SUPPLY, rawDistribution: undefined,
    });
  });

  it('zero balances are no holders; with no holder every ratio is null', () => {
    const snapshot = computeHolderSnapshot({ decimals: 6, initialSupply: null, holders: [{ owner: 'a', balance: 0n, firstSeen: OLD }], holderAccounts: 0, excluded: { curve: SUPPLY }, at: AT });
    expect({ ...snapshot, rawDistribution: undefined }).toEqual({
      snapshotTime: AT, totalHolders: 0, uniqueHolders: 0, top10Concentration: null, top25Concentration: null, top100Concentration: null,
      giniCoefficient: null, buckets: noBuckets, averageHoldingSize: null, medianHoldingSize: null, diamondHandsCount: 0, supply: SUPPLY, rawDistribution: undefined,
    });
  });

  it('dust counts as a holder but in no bucket; the supply is derived from the tracked accounts when unknown', () => {
    const holders = [{ owner: 'dust', balance: 1n, firstSeen: OLD }, holder('big', 3n)];
    const snapshot = computeHolderSnapshot({ decimals: 6, initialSupply: null, holders, holderAccounts: 2, excluded: { curve: 999n, pool: 0n }, at: AT });
    // supply = 1 + 3,000,000 + 999 = 3,001,000 raw; top 10 = 3,000,001 / 3,001,000
    expect(snapshot.supply).toBe(3_001_000n);
    expect(snapshot.top10Concentration).toBe('99.97');
    expect(snapshot.buckets).toEqual({ ...noBuckets, holders1To100: 1 });
    expect(snapshot.medianHoldingSize).toBe('1.500001');
    expect(snapshot.averageHoldingSize).toBe('1.500001');
    expect(snapshot.giniCoefficient).toBe('0.5000');
    expect(snapshot.diamondHandsCount).toBe(1);
  });

  it('top N is exactly the N largest; the raw distribution is bounded', () => {
    const holders = Array.from({ length: 1_500 }, (_, i) => holder(`w${String(i).padStart(4, '0')}`, BigInt(i + 1)));
    const snapshot = computeHolderSnapshot({ decimals: 6, initialSupply: SUPPLY, holders, holderAccounts: 1_500, excluded: {}, at: AT });
    // top 10 = 1491..1500 = 14,955 tokens of 1e9 → 0.0014955 % → 0.00; top 100 = 1401..1500 = 145,050 → 0.0145 % → 0.01
    expect([snapshot.top10Concentration, snapshot.top100Concentration]).toEqual(['0.00', '0.01']);
    const raw = snapshot.rawDistribution as { top: [string, string][]; truncated: boolean };
    expect(raw.top).toHaveLength(1_000);
    expect(raw.top[0]).toEqual(['w1499', '1500000000']);
    expect(raw.truncated).toBe(true);
  });
});
