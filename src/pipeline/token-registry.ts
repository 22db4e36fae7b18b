/**
 * What the pipeline remembers about each mint between batches: ids, decimals, quote mint, launch pool.
 * It spares a token/pool upsert per trade: a token's row is sent once per process lifetime (and again
 * after eviction, which the database absorbs with its idempotent upserts). Bounded LRU.
 */
import type { Platform } from '../contracts/rows.js';

export interface TokenInfo {
  tokenId: string;
  mint: string;
  platform: Platform;
  /** Null until the create instruction, a transaction's token balances or (in the database) an RPC read says. */
  decimals: number | null;
  quoteMint: string;
  quoteDecimals: number | null;
  /** The launch pool (bonding curve or LaunchLab pool state). */
  poolAddress: string | null;
  poolId: string | null;
  /** True once a row from the create event (not only a discovery) has been sent. */
  createSeen: boolean;
  /** Newest (slot, txIndex, eventIndex) applied to the launch pool's state. */
  lastState: readonly [bigint, number, number] | null;
  /** Pump.fun: the curve's real token reserves at creation (its CreateEvent), what progress is measured on. */
  curveTokensForSale?: bigint | null;
}

export const TOKEN_REGISTRY_MAX_ENTRIES = 250_000;

export class TokenRegistry {
  private readonly entries = new Map<string, TokenInfo>();

  constructor(private readonly maxEntries = TOKEN_REGISTRY_MAX_ENTRIES) {}

  get(mint: string): TokenInfo | undefined {
    const info = this.entries.get(mint);
    if (info) {
      this.entries.delete(mint);
      this.entries.set(mint, info);
    }
    return info;
  }

  set(info: TokenInfo): void {
    this.entries.delete(info.mint);
    this.entries.set(info.mint, info);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** Forgets everything: after a failed commit, nothing in memory may claim what the database lacks. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
