/**
 * Wallet tags of a token's top holders, from evidence in our own data (successful launchpad trades).
 * Each rule, with its thresholds from configuration (docs/holders.md says the same):
 *
 * - `dev`: the wallet is the token's creator (tokens.creator_address), OR it bought the token inside the
 *   creation transaction itself (it co-signed the creator's transaction). Missing: SOL funding by the
 *   creator — System Program transfers happen in transactions that do not touch the launchpad programs,
 *   which we do not ingest, so "funded by the creator" cannot be seen.
 * - `sniper`: not the creator, and its first buy of the token landed in the creation slot or within
 *   `sniperSlots` slots after it. Needs the creation slot (unknown for tokens discovered by a trade).
 * - `bundled`: one of its buys was in a transaction holding buys of the token by at least 2 distinct
 *   wallets, OR in a slot within `bundleWindowSlots` of creation in which at least `bundleMinWallets`
 *   distinct wallets bought the token (coordinated launch buys; later same-slot buys on a busy token
 *   are ordinary and do not count).
 * - `whale`: holds at least `whalePercent` % of the total supply.
 * - `bot`: machine cadence — at least `botMinTrades` trades of this token with at least
 *   `botMinTrades − 1` gaps between consecutive trades of `botMaxGapSlots` slots or less, OR trades in at
 *   least `botMinTokens` distinct tokens within `botWindowSeconds` (over its most recent trades).
 * Pure: no I/O, no clock.
 */

export type WalletTag = 'bot' | 'bundled' | 'dev' | 'sniper' | 'whale';

export interface TagThresholds {
  sniperSlots: number;
  bundleMinWallets: number;
  bundleWindowSlots: number;
  /** Percent of the total supply, 0-100. */
  whalePercent: number;
  botMinTrades: number;
  botMaxGapSlots: number;
  botMinTokens: number;
  botWindowSeconds: number;
}

export interface TokenFacts {
  creator: string | null;
  creationSignature: string | null;
  /** Slot of the creation transaction, null when unknown. */
  creationSlot: bigint | null;
  /** Raw total supply, null when unknown. */
  supply: bigint | null;
  /** Distinct buyers per buy transaction (signature → count), for the wallets' buys. */
  buyersPerSignature: ReadonlyMap<string, number>;
  /** Distinct buyers per slot inside the launch window. */
  buyersPerLaunchSlot: ReadonlyMap<bigint, number>;
}

export interface WalletTrade {
  signature: string;
  slot: bigint;
  isBuy: boolean;
}

export interface WalletEvidence {
  wallet: string;
  balance: bigint;
  /** The wallet's successful trades of this token, in slot order. */
  trades: readonly WalletTrade[];
  /** Its recent successful trades in any token: (token id, unix seconds), any order. */
  recentTrades: ReadonlyArray<{ tokenId: string; at: number }>;
}

/** True when the wallet is the creator or co-signed the creation transaction with a buy. */
export function isDev(wallet: WalletEvidence, token: TokenFacts): boolean {
  if (token.creator !== null && wallet.wallet === token.creator) return true;
  return token.creationSignature !== null && wallet.trades.some((t) => t.isBuy && t.signature === token.creationSignature);
}

export function isSniper(wallet: WalletEvidence, token: TokenFacts, rules: TagThresholds): boolean {
  if (token.creationSlot === null || wallet.wallet === token.creator) return false;
  const first = wallet.trades.find((t) => t.isBuy);
  return first !== undefined && first.slot >= token.creationSlot && first.slot <= token.creationSlot + BigInt(rules.sniperSlots);
}

export function isBundled(wallet: WalletEvidence, token: TokenFacts, rules: TagThresholds): boolean {
  for (const trade of wallet.trades) {
    if (!trade.isBuy) continue;
    if ((token.buyersPerSignature.get(trade.signature) ?? 0) >= 2) return true;
    const inWindow = token.creationSlot !== null && trade.slot >= token.creationSlot && trade.slot <= token.creationSlot + BigInt(rules.bundleWindowSlots);
    if (inWindow && (token.buyersPerLaunchSlot.get(trade.slot) ?? 0) >= rules.bundleMinWallets) return true;
  }
  return false;
}

export function isWhale(wallet: WalletEvidence, token: TokenFacts, rules: TagThresholds): boolean {
  if (token.supply === null || token.supply <= 0n) return false;
  // balance / supply >= whalePercent / 100, in integers (whalePercent in hundredths of a percent).
  return wallet.balance * 10_000n >= token.supply * BigInt(Math.round(rules.whalePercent * 100));
}

export function isBot(wallet: WalletEvidence, rules: TagThresholds): boolean {
  return hasMachineCadence(wallet.trades, rules) || tradesManyTokensAtOnce(wallet.recentTrades, rules);
}

function hasMachineCadence(trades: readonly WalletTrade[], rules: TagThresholds): boolean {
  if (trades.length < rules.botMinTrades) return false;
  let fastGaps = 0;
  for (let i = 1; i < trades.length; i++) if (trades[i]!.slot - trades[i - 1]!.slot <= BigInt(rules.botMaxGapSlots)) fastGaps += 1;
  return fastGaps >= rules.botMinTrades - 1;
}

/** Sliding window over the trades sorted by time: distinct tokens inside any window of botWindowSeconds. */
function tradesManyTokensAtOnce(recent: ReadonlyArray<{ tokenId: string; at: number }>, rules: TagThresholds): boolean {
  const sorted = [...recent].sort((a, b) => a.at - b.at);
  const inWindow = new Map<string, number>();
  let start = 0;
  for (const trade of sorted) {
    inWindow.set(trade.tokenId, (inWindow.get(trade.tokenId) ?? 0) + 1);
    while (trade.at - sorted[start]!.at > rules.botWindowSeconds) {
      const old = sorted[start++]!;
      const left = (inWindow.get(old.tokenId) ?? 1) - 1;
      if (left === 0) inWindow.delete(old.tokenId);
      else inWindow.set(old.tokenId, left);
    }
    if (inWindow.size >= rules.botMinTokens) return true;
  }
  return false;
}

/** Every tag the evidence supports, sorted by name. */
export function tagWallet(wallet: WalletEvidence, token: TokenFacts, rules: TagThresholds): WalletTag[] {
  const tags: WalletTag[] = [];
  if (isBot(wallet, rules)) tags.push('bot');
  if (isBundled(wallet, token, rules)) tags.push('bundled');
  if (isDev(wallet, token)) tags.push('dev');
  if (isSniper(wallet, token, rules)) tags.push('sniper');
  if (isWhale(wallet, token, rules)) tags.push('whale');
  return tags;
}
