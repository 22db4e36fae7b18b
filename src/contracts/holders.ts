/**
 * The holder-snapshot contract between the holder formulas (src/analytics/holders/holder-snapshot.ts
 * computes it) and the holder snapshots repository (src/postgres/holder-snapshots-repository.ts writes it
 * as one `holder_snapshots` row). Types only; definitions of each column are in docs/holders.md.
 */

/** The five holding-size buckets of holder_snapshots, by whole tokens held (raw / 10^decimals, floored). */
export interface HoldingBuckets {
  holders1To100: number;
  holders100To1k: number;
  holders1kTo10k: number;
  holders10kTo100k: number;
  holders100kPlus: number;
}

/** One `holder_snapshots` row. Percents are decimal strings with 2 places, Gini with 4, sizes with 6. */
export interface HolderSnapshot {
  snapshotTime: Date;
  totalHolders: number;
  uniqueHolders: number;
  top10Concentration: string | null;
  top25Concentration: string | null;
  top100Concentration: string | null;
  giniCoefficient: string | null;
  buckets: HoldingBuckets;
  averageHoldingSize: string | null;
  medianHoldingSize: string | null;
  diamondHandsCount: number;
  /** Supply used for the percentages (raw), null when nothing is known. */
  supply: bigint | null;
  rawDistribution: Record<string, unknown>;
}
