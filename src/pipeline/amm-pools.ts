/**
 * The AMM pools our tokens graduated to, and the step that keeps only their trades.
 *
 * The stream carries every PumpSwap, Raydium CPMM and AMM v4 transaction, nearly all of them for pools
 * no token of ours owns. A pool is ours when one of our migrations created it: a Pump.fun migration event
 * (PumpSwap pool) or a LaunchLab migrate_to_cpswap / migrate_to_amm. `OwnedAmmPools` remembers them, a
 * bounded LRU (pools seen trading stay; the oldest untraded ones make room) that the composition root
 * fills from the `pools` table at start (postgres/pools-repository.ts `listOwnedAmmPools`, most recently
 * updated first), so a restart knows the pools of earlier runs. `keepOwnedPoolTrades` runs right after
 * decoding: in event order, a migration adds its pool, a trade (or PumpSwap pool creation) on an AMM
 * venue passes only for a pool of ours, turned to the pool's base mint when the decoder guessed the
 * sides the other way round; every other one is dropped and reported as `foreign_pool`. Pure: no I/O.
 */
import { PUMPSWAP_PROGRAM_ID, RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID } from '../contracts/programs.js';
import type { DecodedEvent, DecodeResult, MigrateEvent, ProgramName, TradeEvent } from '../contracts/decoded-event.js';

export type AmmVenue = 'pumpswap' | 'raydium_cpmm' | 'raydium_amm_v4';

/** What we know of one of our AMM pools. */
export interface OwnedAmmPool {
  address: string;
  /** The token's mint (the pool's base side). */
  mint: string;
  quoteMint: string;
  venue: AmmVenue;
}

/** About 300 bytes each: 200,000 pools (years of graduations) stay near 60 MB. */
export const OWNED_AMM_POOLS_MAX_ENTRIES = 200_000;

export class OwnedAmmPools {
  private readonly entries = new Map<string, OwnedAmmPool>();

  constructor(private readonly maxEntries = OWNED_AMM_POOLS_MAX_ENTRIES) {}

  /** The pool, marked as recently used; undefined when it is not one of ours (or was evicted). */
  get(address: string): OwnedAmmPool | undefined {
    const pool = this.entries.get(address);
    if (pool !== undefined) {
      this.entries.delete(address);
      this.entries.set(address, pool);
    }
    return pool;
  }

  add(pool: OwnedAmmPool): void {
    this.entries.delete(pool.address);
    this.entries.set(pool.address, pool);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

/** What happened to a decoded trade on its venue: kept (a launchpad trade, or an AMM trade of ours) or dropped. */
export type VenueOutcome = 'kept' | 'foreign_pool';

/** Receives one call per decoded trade (the metric and the /health venue mix count them). */
export type VenueCounter = (venue: ProgramName, outcome: VenueOutcome) => void;

const AMM_VENUES: ReadonlySet<ProgramName> = new Set<ProgramName>(['pumpswap', 'raydium_cpmm', 'raydium_amm_v4']);

/** True for the programs whose pools are ours only after a migration. */
export function isAmmVenue(program: ProgramName): program is AmmVenue {
  return AMM_VENUES.has(program);
}

const VENUE_OF_PROGRAM: Readonly<Record<string, AmmVenue>> = {
  [PUMPSWAP_PROGRAM_ID]: 'pumpswap',
  [RAYDIUM_CPMM_PROGRAM_ID]: 'raydium_cpmm',
  [RAYDIUM_AMM_V4_PROGRAM_ID]: 'raydium_amm_v4',
};

/** The venue a migration moved the token to (a Pump.fun migration without a program id: PumpSwap). */
export function venueOfMigration(event: MigrateEvent): AmmVenue | null {
  if (event.ammProgram !== null) return VENUE_OF_PROGRAM[event.ammProgram] ?? null;
  return event.program === 'pumpfun' ? 'pumpswap' : null;
}

/**
 * The decode result without the AMM events of pools that are not ours (the same object when nothing is
 * dropped); learns the pools of the migrations it passes. Positions keep their event indexes.
 */
export function keepOwnedPoolTrades(result: DecodeResult, pools: OwnedAmmPools, count?: VenueCounter): DecodeResult {
  const events = result.events;
  let kept: DecodedEvent[] | null = null;
  for (let i = 0; i < events.length; i += 1) {
    const event = events[i] as DecodedEvent;
    const keep = admit(event, pools, count);
    if (!keep && kept === null) kept = events.slice(0, i);
    else if (keep && kept !== null) kept.push(event);
  }
  return kept === null ? result : { events: kept, quarantine: result.quarantine, notMine: result.notMine };
}

function admit(event: DecodedEvent, pools: OwnedAmmPools, count: VenueCounter | undefined): boolean {
  if (event.kind === 'migrate') {
    const venue = venueOfMigration(event);
    if (venue !== null && event.success) pools.add({ address: event.pool, mint: event.mint, quoteMint: event.quoteMint, venue });
    return true;
  }
  if (!isAmmVenue(event.program)) {
    if (event.kind === 'trade') count?.(event.program, 'kept');
    return true;
  }
  if (event.kind === 'pool_create') return pools.get(event.poolState) !== undefined;
  if (event.kind !== 'trade') return true;
  const pool = event.pool === null ? undefined : pools.get(event.pool);
  if (pool === undefined) {
    count?.(event.program, 'foreign_pool');
    return false;
  }
  if (event.mint !== pool.mint && event.quoteMint === pool.mint) turnAround(event);
  count?.(event.program, 'kept');
  return true;
}

/** The decoder took the pool's quote for its base: swap the sides (amounts, mints, direction, reserves). */
function turnAround(e: TradeEvent): void {
  const mint = e.mint;
  e.mint = e.quoteMint;
  e.quoteMint = mint;
  e.isBuy = !e.isBuy;
  const amount = e.solAmount;
  e.solAmount = e.tokenAmount;
  e.tokenAmount = amount;
  const virtual = e.virtualSolReserves;
  e.virtualSolReserves = e.virtualTokenReserves;
  e.virtualTokenReserves = virtual;
  const real = e.realSolReserves;
  e.realSolReserves = e.realTokenReserves;
  e.realTokenReserves = real;
}
