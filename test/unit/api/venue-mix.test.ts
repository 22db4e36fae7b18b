/** The /health venue mix: trades per venue over the last five minutes, in 10-second buckets. */
import { describe, expect, it } from 'vitest';
import { VenueMix } from '../../../src/api/venue-mix.js';

describe('VenueMix', () => {
  it('counts kept and dropped trades per venue inside the window and forgets older ones', () => {
    let now = 1_000_000;
    const mix = new VenueMix(() => now);
    mix.record('pumpfun', 'kept');
    mix.record('pumpswap', 'kept');
    mix.record('pumpswap', 'foreign_pool');
    now += 120_000;
    mix.record('raydium_cpmm', 'kept');
    mix.record('unknown_venue', 'kept');
    expect(mix.report()).toEqual({
      windowSeconds: 300,
      trades: { pumpfun: 1, raydium_launchpad: 0, pumpswap: 1, raydium_cpmm: 1, raydium_amm_v4: 0 },
      droppedForeignPool: { pumpfun: 0, raydium_launchpad: 0, pumpswap: 1, raydium_cpmm: 0, raydium_amm_v4: 0 },
    });
    now += 240_000; // the first three are now 6 minutes old
    expect(mix.report().trades).toEqual({ pumpfun: 0, raydium_launchpad: 0, pumpswap: 0, raydium_cpmm: 1, raydium_amm_v4: 0 });
    now += 600_000;
    mix.record('pumpswap', 'kept'); // the ring comes round: the reused bucket starts from zero
    expect(mix.report().trades).toEqual({ pumpfun: 0, raydium_launchpad: 0, pumpswap: 1, raydium_cpmm: 0, raydium_amm_v4: 0 });
  });
});

describe('the /health report', () => {
  it('carries the venue mix it is given', async () => {
    const { buildHealthReport } = await import('../../../src/api/health-report.js');
    const { createDisabledRedisSink } = await import('../../../src/redis/index.js');
    const mix = new VenueMix(() => 5_000_000);
    mix.record('raydium_amm_v4', 'kept');
    mix.record('raydium_amm_v4', 'foreign_pool');
    const report = await buildHealthReport({
      pool: { query: async () => ({ rows: [] }) } as never, mode: 'plain', redis: createDisabledRedisSink(), redisEnabled: false,
      source: { status: () => ({ connected: true, lastSlotSeen: 10n }) }, pipeline: { status: () => ({ lastSlotCommitted: 10n, lastSlotSeen: 10n, lastCommitAt: Date.now() }) },
      queue: { size: 0 }, startedAt: Date.now(), venues: mix,
    });
    expect(report.venues).toEqual({
      windowSeconds: 300,
      trades: { pumpfun: 0, raydium_launchpad: 0, pumpswap: 0, raydium_cpmm: 0, raydium_amm_v4: 1 },
      droppedForeignPool: { pumpfun: 0, raydium_launchpad: 0, pumpswap: 0, raydium_cpmm: 0, raydium_amm_v4: 1 },
    });
  });
});
