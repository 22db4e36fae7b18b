/**
 * The holder settings read from configuration, in one place: the jobs, the CLI and the benchmark build
 * them from `Config` (or take the defaults for tests).
 */
import type { Config } from '../../config.js';
import type { TagThresholds } from './wallet-tags.js';

export interface HolderSettings {
  topN: number;
  tags: TagThresholds;
}

export function readHolderSettings(config: Config): HolderSettings {
  return {
    topN: config.HOLDER_TOP_N,
    tags: {
      sniperSlots: config.HOLDER_SNIPER_SLOTS,
      bundleMinWallets: config.HOLDER_BUNDLE_MIN_WALLETS,
      bundleWindowSlots: config.HOLDER_BUNDLE_WINDOW_SLOTS,
      whalePercent: config.HOLDER_WHALE_PERCENT,
      botMinTrades: config.HOLDER_BOT_MIN_TRADES,
      botMaxGapSlots: config.HOLDER_BOT_MAX_GAP_SLOTS,
      botMinTokens: config.HOLDER_BOT_MIN_TOKENS,
      botWindowSeconds: config.HOLDER_BOT_WINDOW_SECONDS,
    },
  };
}
