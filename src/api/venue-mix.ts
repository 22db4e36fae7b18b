/**
 * The venue mix for /health: decoded trades per venue (Pump.fun and LaunchLab curves, PumpSwap, Raydium
 * CPMM and AMM v4) over the last `VENUE_MIX_WINDOW_MS`, kept and dropped as trades of pools that are not
 * ours. Counted as the pipeline's pool filter sees them (the composition root wires `record` to it), in
 * 10-second buckets: a ring of fixed counters, so recording a trade allocates nothing.
 */
import { TRADE_VENUES } from '../shared/metrics.js';

export const VENUE_MIX_WINDOW_MS = 5 * 60_000;
const BUCKET_MS = 10_000;
const BUCKETS = VENUE_MIX_WINDOW_MS / BUCKET_MS;

type Venue = (typeof TRADE_VENUES)[number];

/** What /health shows: counts per venue over the window (venues without trades show 0). */
export interface VenueMixReport {
  windowSeconds: number;
  /** Trades kept (and stored), per venue. */
  trades: Record<Venue, number>;
  /** AMM trades of pools no token of ours owns: dropped, never stored. */
  droppedForeignPool: Record<Venue, number>;
}

export class VenueMix {
  /** [bucket][venue * 2 + (0 kept | 1 dropped)] */
  private readonly counts: Int32Array[] = Array.from({ length: BUCKETS }, () => new Int32Array(TRADE_VENUES.length * 2));
  private readonly bucketStart = new Float64Array(BUCKETS).fill(-1);
  private readonly index = new Map<string, number>(TRADE_VENUES.map((v, i) => [v, i]));

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one trade of `venue`; an unknown venue name is ignored. */
  record(venue: string, outcome: 'kept' | 'foreign_pool'): void {
    const at = this.index.get(venue);
    if (at === undefined) return;
    (this.bucket(this.now()) as Int32Array)[at * 2 + (outcome === 'kept' ? 0 : 1)]! += 1;
  }

  report(): VenueMixReport {
    const now = this.now();
    const trades = {} as Record<Venue, number>;
    const dropped = {} as Record<Venue, number>;
    TRADE_VENUES.forEach((venue, i) => {
      trades[venue] = 0;
      dropped[venue] = 0;
      for (let b = 0; b < BUCKETS; b += 1) {
        if (this.bucketStart[b]! < 0 || now - this.bucketStart[b]! >= VENUE_MIX_WINDOW_MS) continue;
        trades[venue] += this.counts[b]![i * 2]!;
        dropped[venue] += this.counts[b]![i * 2 + 1]!;
      }
    });
    return { windowSeconds: VENUE_MIX_WINDOW_MS / 1000, trades, droppedForeignPool: dropped };
  }

  /** The counters of the bucket holding `time`, cleared when the ring comes round to it again. */
  private bucket(time: number): Int32Array {
    const start = Math.floor(time / BUCKET_MS) * BUCKET_MS;
    const slot = (start / BUCKET_MS) % BUCKETS;
    if (this.bucketStart[slot] !== start) {
      this.bucketStart[slot] = start;
      this.counts[slot]!.fill(0);
    }
    return this.counts[slot]!;
  }
}
