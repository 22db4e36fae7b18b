/**
 * Takes one token's holder snapshot and refreshes its top holders, in one database transaction:
 * balances → computeHolderSnapshot → holder_snapshots row; the top N wallets → evidence → wallet tags →
 * top_holders (exactly the current top N).
 */
import { withTransaction, type PgPool, type Queryable } from '../../postgres/pg-pool.js';
import { insertHolderSnapshot, readHolderTokenFacts, readTokenBalances, replaceTopHolders, type HolderTokenFacts, type TopHolderRow } from '../../postgres/holder-snapshots-repository.js';
import { readBuyersPerSignature, readBuyersPerSlot, readRecentTrades, readWalletTrades } from '../../postgres/holder-evidence-repository.js';
import { computeHolderSnapshot } from '../holders/holder-snapshot.js';
import type { HolderSnapshot } from '../../contracts/holders.js';
import { percentOfSupply, wholeTokens } from '../holders/holder-math.js';
import { tagWallet, type TagThresholds, type TokenFacts, type WalletTrade } from '../holders/wallet-tags.js';

/** What a snapshot run needs from configuration (`readHolderSettings`): the top N kept and the tag rules. */
export interface HolderSettings {
  topN: number;
  tags: TagThresholds;
}

/** How far back the many-tokens bot rule looks. */
export const BOT_LOOKBACK_MS = 60 * 60 * 1000;

export interface SnapshotResult {
  token: HolderTokenFacts;
  snapshot: HolderSnapshot;
  topHolders: TopHolderRow[];
}

/** Snapshots the token (by id or mint); null when the token is unknown. */
export async function snapshotToken(pool: PgPool, idOrMint: string, settings: HolderSettings, at: Date = new Date()): Promise<SnapshotResult | null> {
  return withTransaction(pool, async (client) => {
    const token = await readHolderTokenFacts(client, idOrMint);
    if (!token) return null;
    const balances = await readTokenBalances(client, token.id);
    const snapshot = computeHolderSnapshot({ decimals: token.decimals, initialSupply: token.initialSupply, holders: balances.holders, holderAccounts: balances.holderAccounts, excluded: balances.excluded, at });
    await insertHolderSnapshot(client, token.id, snapshot);
    const top = [...balances.holders].sort((a, b) => (a.balance === b.balance ? (a.owner < b.owner ? -1 : 1) : a.balance > b.balance ? -1 : 1)).slice(0, settings.topN);
    const tags = await tagTopWallets(client, token, snapshot.supply, top, settings, at);
    const topHolders = top.map((h): TopHolderRow => ({
      wallet: h.owner,
      firstSeen: h.firstSeen,
      lastSeen: h.lastSeen,
      currentBalance: wholeTokens(h.balance, token.decimals),
      percentageHeld: percentOfSupply(h.balance, snapshot.supply),
      isCreator: h.owner === token.creator,
      tags: tags.get(h.owner) ?? [],
    }));
    await replaceTopHolders(client, token.id, topHolders);
    return { token, snapshot, topHolders };
  });
}

async function tagTopWallets(db: Queryable, token: HolderTokenFacts, supply: bigint | null, top: ReadonlyArray<{ owner: string; balance: bigint }>, settings: HolderSettings, at: Date): Promise<Map<string, string[]>> {
  const wallets = top.map((h) => h.owner);
  const trades = await readWalletTrades(db, token.id, wallets);
  const buySignatures = [...new Set(trades.filter((t) => t.isBuy).map((t) => t.signature))];
  const creationSlot = token.creationSlot;
  const facts: TokenFacts = {
    creator: token.creator,
    creationSignature: token.creationSignature,
    creationSlot,
    supply,
    buyersPerSignature: await readBuyersPerSignature(db, token.id, buySignatures),
    buyersPerLaunchSlot: creationSlot === null ? new Map() : await readBuyersPerSlot(db, token.id, creationSlot, creationSlot + BigInt(settings.tags.bundleWindowSlots)),
  };
  const recent = await readRecentTrades(db, wallets, new Date(at.getTime() - BOT_LOOKBACK_MS));
  const byWallet = new Map<string, WalletTrade[]>();
  for (const t of trades) byWallet.set(t.wallet, [...(byWallet.get(t.wallet) ?? []), { signature: t.signature, slot: t.slot, isBuy: t.isBuy }]);
  const out = new Map<string, string[]>();
  for (const holder of top) {
    const evidence = { wallet: holder.owner, balance: holder.balance, trades: byWallet.get(holder.owner) ?? [], recentTrades: recent.get(holder.owner) ?? [] };
    out.set(holder.owner, tagWallet(evidence, facts, settings.tags));
  }
  return out;
}
