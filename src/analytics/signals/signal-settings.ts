/** Signal thresholds and exit rules from the configuration (SIGNAL_* variables). */
import type { Config } from '../../config.js';
import type { SignalSettings } from './signal-rules.js';

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
