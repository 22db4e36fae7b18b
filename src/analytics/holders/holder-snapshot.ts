/**
 * One `holder_snapshots` row (`HolderSnapshot`, src/contracts/holders.ts) computed from a token's
 * balances. Definitions (also in docs/holders.md):
 * - a HOLDER is an owner of kind 'wallet' with a positive raw balance (curves, vault authorities, AMM
 *   pools and program authorities never count);
 * - total_holders = token ACCOUNTS of holders with a positive balance (a wallet with two accounts of the
 *   mint counts twice); unique_holders = distinct holder wallets;
 * - top_N_concentration = 100 × (sum of the N largest holder balances) / total supply, where the total
 *   supply is the mint's supply at creation (tokens.initial_supply) or, when unknown, the sum of every
 *   account we track for the token (holders and non-holders);
 * - gini_coefficient over the holders' balances (giniCoefficient);
 * - buckets, average and median in whole tokens (raw / 10^decimals), dust (< 1 token) counts as a holder
 *   but falls in no bucket;
 * - diamond_hands_count = holders whose current holding period started (first_seen) more than 24 h before
 *   the snapshot time;
 * - raw_distribution = bounded: the largest `RAW_TOP_LIMIT` holders, a decade histogram of all holders,
 *   and what the non-holder owners hold, by kind.
 * Pure: the caller passes the time.
 */
import type { HolderSnapshot } from '../../contracts/holders.js';
import { averageWholeTokens, countHoldingBuckets, decadeHistogram, giniCoefficient, medianWholeTokens, percentOfSupply, sumOfTop } from './holder-math.js';

export const DIAMOND_HANDS_MS = 24 * 60 * 60 * 1000;
export const RAW_TOP_LIMIT = 1_000;

export interface HolderBalance {
  owner: string;
  /** Raw base units. */
  balance: bigint;
  /** Start of the current holding period. */
  firstSeen: Date;
}

export interface SnapshotInput {
  decimals: number;
  /** Total supply in raw units; null = derive from the tracked accounts. */
  initialSupply: bigint | null;
  /** Holder wallets (any order; zero balances are ignored). */
  holders: readonly HolderBalance[];
  /** Token accounts of holders with a positive balance. */
  holderAccounts: number;
  /** Raw balance held by non-holders, by kind ('curve', 'pool', 'program'). */
  excluded: Readonly<Record<string, bigint>>;
  at: Date;
}

/** Computes every column of a holder snapshot from the balances. */
export function computeHolderSnapshot(input: SnapshotInput): HolderSnapshot {
  const holders = input.holders.filter((h) => h.balance > 0n).sort(compareDescending);
  const descending = holders.map((h) => h.balance);
  const ascending = [...descending].reverse();
  const heldTotal = descending.reduce((sum, b) => sum + b, 0n);
  const excludedTotal = Object.values(input.excluded).reduce((sum, b) => sum + b, 0n);
  const derived = heldTotal + excludedTotal;
  const supply = input.initialSupply ?? (derived > 0n ? derived : null);
  const cutoff = input.at.getTime() - DIAMOND_HANDS_MS;
  return {
    snapshotTime: input.at,
    totalHolders: Math.max(input.holderAccounts, holders.length),
    uniqueHolders: holders.length,
    top10Concentration: holders.length ? percentOfSupply(sumOfTop(descending, 10), supply) : null,
    top25Concentration: holders.length ? percentOfSupply(sumOfTop(descending, 25), supply) : null,
    top100Concentration: holders.length ? percentOfSupply(sumOfTop(descending, 100), supply) : null,
    giniCoefficient: giniCoefficient(ascending),
    buckets: countHoldingBuckets(descending, input.decimals),
    averageHoldingSize: averageWholeTokens(heldTotal, holders.length, input.decimals),
    medianHoldingSize: medianWholeTokens(ascending, input.decimals),
    diamondHandsCount: holders.filter((h) => h.firstSeen.getTime() < cutoff).length,
    supply,
    rawDistribution: {
      version: 1,
      unit: 'raw',
      decimals: input.decimals,
      supply: supply?.toString() ?? null,
      heldByHolders: heldTotal.toString(),
      excluded: Object.fromEntries(Object.entries(input.excluded).map(([kind, raw]) => [kind, raw.toString()])),
      top: holders.slice(0, RAW_TOP_LIMIT).map((h) => [h.owner, h.balance.toString()]),
      truncated: holders.length > RAW_TOP_LIMIT,
      histogramWholeTokens: decadeHistogram(descending, input.decimals),
    },
  };
}

/** Largest first; equal balances by owner, so the order (and the top lists) never depend on input order. */
function compareDescending(a: HolderBalance, b: HolderBalance): number {
  if (a.balance !== b.balance) return a.balance > b.balance ? -1 : 1;
  return a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0;
}
