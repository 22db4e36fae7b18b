/**
 * The analytics settings read from configuration, in one place: the jobs, the CLI and the benchmark
 * build them from `Config`; the formulas take the plain objects (tests write them out). Scoring and red
 * flags: SCORE_* and RED_FLAG_* variables; signals and their exits: SIGNAL_*; holder snapshots and wallet
 * tags: HOLDER_*.
 */
import type { Config } from '../../config.js';
import type { ScoringSettings } from '../scoring/scoring-settings.js';
import type { SignalSettings } from '../signals/signal-rules.js';
import type { HolderSettings } from './snapshot-holders.js';

export function scoringSettingsFromConfig(config: Config): ScoringSettings {
  return {
    liquidityFullQuote: config.SCORE_LIQUIDITY_FULL_QUOTE,
    volumeFullQuote5m: config.SCORE_VOLUME_FULL_QUOTE_5M,
    holdersFull: config.SCORE_HOLDERS_FULL,
    creatorMaxPct: config.RED_FLAG_CREATOR_MAX_PCT,
    top10MaxPct: config.RED_FLAG_TOP10_MAX_PCT,
    snipedMaxPct: config.RED_FLAG_SNIPED_MAX_PCT,
    creatorSellMinutes: config.RED_FLAG_CREATOR_SELL_MINUTES,
    minHolders: config.RED_FLAG_MIN_HOLDERS,
    washMaxPct: config.RED_FLAG_WASH_MAX_PCT,
    deadLaunches: config.RED_FLAG_DEAD_LAUNCHES,
  };
}

export function signalSettingsFromConfig(config: Config): SignalSettings {
  return {
    buyMinScore: config.SIGNAL_BUY_MIN_SCORE,
    buyMinProbability: config.SIGNAL_BUY_MIN_PROBABILITY,
    sellMaxScore: config.SIGNAL_SELL_MAX_SCORE,
    takeProfitPct: config.SIGNAL_TAKE_PROFIT_PCT,
    stopLossPct: config.SIGNAL_STOP_LOSS_PCT,
    maxHoldMinutes: config.SIGNAL_MAX_HOLD_MINUTES,
  };
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
