/**
 * The evidence the wallet-tag rules read (analytics/holders/wallet-tags.ts), from successful trades only:
 * the top wallets' trades of the token, how many distinct wallets bought in each of their buy
 * transactions, how many bought in each slot of the launch window, and each wallet's most recent trades
 * in any token (bounded per wallet).
 */
import type { Queryable } from './pg-pool.js';

export const RECENT_TRADES_PER_WALLET = 200;

export interface RawWalletTrade {
  wallet: string;
  signature: string;
  slot: bigint;
  isBuy: boolean;
}

export async function readWalletTrades(db: Queryable, tokenId: string, wallets: readonly string[]): Promise<RawWalletTrade[]> {
  if (wallets.length === 0) return [];
  const { rows } = await db.query<{ user_address: string; signature: string; slot: bigint; type: string }>(
    `select user_address, signature, slot, type from transactions
     where token_id = $1 and success and user_address = any($2::text[]) order by slot, signature`, [tokenId, wallets]);
  return rows.map((r) => ({ wallet: r.user_address, signature: r.signature, slot: r.slot, isBuy: r.type === 'buy' }));
}

/** Distinct buyers of the token in each of the given transactions. */
export async function readBuyersPerSignature(db: Queryable, tokenId: string, signatures: readonly string[]): Promise<Map<string, number>> {
  if (signatures.length === 0) return new Map();
  const { rows } = await db.query<{ signature: string; n: number }>(
    `select signature, count(distinct user_address)::int as n from transactions
     where signature = any($2::text[]) and token_id = $1 and success and type = 'buy' group by signature`, [tokenId, signatures]);
  return new Map(rows.map((r) => [r.signature, r.n]));
}

/** Distinct buyers of the token in each slot of [fromSlot, toSlot]. */
export async function readBuyersPerSlot(db: Queryable, tokenId: string, fromSlot: bigint, toSlot: bigint): Promise<Map<bigint, number>> {
  const { rows } = await db.query<{ slot: bigint; n: number }>(
    `select slot, count(distinct user_address)::int as n from transactions
     where token_id = $1 and success and type = 'buy' and slot between $2 and $3 group by slot`, [tokenId, fromSlot.toString(), toSlot.toString()]);
  return new Map(rows.map((r) => [r.slot, r.n]));
}

/** Each wallet's most recent successful trades in any token since `since`: (token id, unix seconds). */
export async function readRecentTrades(db: Queryable, wallets: readonly string[], since: Date): Promise<Map<string, Array<{ tokenId: string; at: number }>>> {
  const out = new Map<string, Array<{ tokenId: string; at: number }>>();
  if (wallets.length === 0) return out;
  const { rows } = await db.query<{ wallet: string; token_id: string; at: number }>(
    `select w.wallet, t.token_id, extract(epoch from t.block_time)::float8 as at
     from unnest($1::text[]) as w(wallet)
     cross join lateral (
       select token_id, block_time from transactions
       where user_address = w.wallet and block_time > $2 and success order by block_time desc limit ${RECENT_TRADES_PER_WALLET}
     ) t`, [wallets, since.toISOString()]);
  for (const r of rows) {
    const list = out.get(r.wallet) ?? [];
    list.push({ tokenId: r.token_id, at: r.at });
    out.set(r.wallet, list);
  }
  return out;
}
