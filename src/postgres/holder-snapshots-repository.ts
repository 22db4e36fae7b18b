/**
 * Reads for holder snapshots and top holders (balances, token facts, tag evidence) and their writes:
 * one holder_snapshots row per run, and top_holders replaced by the current top N of the token.
 */
import type { HolderSnapshot } from '../contracts/holders.js';
import type { Queryable } from './pg-pool.js';
import { toJson } from './sql-values.js';

export interface HolderTokenFacts {
  id: string;
  mint: string;
  decimals: number;
  initialSupply: bigint | null;
  creator: string | null;
  creationSignature: string | null;
  creationSlot: bigint | null;
  tokenProgram: string | null;
}

// The creation slot is the slot of the creation transaction's trade (the dev buy); else unknown.
const READ_TOKEN_SQL = `
select t.id, t.mint_address, t.decimals, t.initial_supply::text, t.creator_address, t.creation_signature, t.token_program,
  (select min(x.slot) from transactions x where x.signature = t.creation_signature) as creation_slot
from tokens t where t.id = $1 or t.mint_address = $1::text`;

/** The token by id or mint, or null. */
export async function readHolderTokenFacts(db: Queryable, idOrMint: string): Promise<HolderTokenFacts | null> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrMint);
  const sql = isUuid ? READ_TOKEN_SQL : READ_TOKEN_SQL.replace('t.id = $1 or ', '');
  const { rows } = await db.query(sql, [idOrMint]);
  const r = rows[0] as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    id: r['id'] as string,
    mint: r['mint_address'] as string,
    decimals: r['decimals'] as number,
    initialSupply: r['initial_supply'] === null ? null : BigInt(r['initial_supply'] as string),
    creator: r['creator_address'] as string | null,
    creationSignature: r['creation_signature'] as string | null,
    creationSlot: (r['creation_slot'] as bigint | null) ?? null,
    tokenProgram: r['token_program'] as string | null,
  };
}

export interface TokenBalances {
  holders: Array<{ owner: string; balance: bigint; firstSeen: Date; lastSeen: Date }>;
  holderAccounts: number;
  excluded: Record<string, bigint>;
}

/** Every holder wallet with a positive balance, the count of their accounts, and non-holders' totals by kind. */
export async function readTokenBalances(db: Queryable, tokenId: string): Promise<TokenBalances> {
  const holders = await db.query<{ owner: string; balance: string; first_seen: Date; last_seen: Date }>(
    `select owner, balance::text, first_seen, last_seen from holder_balances where token_id = $1 and holder_kind = 'wallet' and balance > 0`, [tokenId]);
  const excluded = await db.query<{ holder_kind: string; total: string }>(
    `select holder_kind, sum(balance)::text as total from holder_balances where token_id = $1 and holder_kind <> 'wallet' group by holder_kind`, [tokenId]);
  const accounts = await db.query<{ n: number }>(
    `select count(*)::int as n from holder_token_accounts where token_id = $1 and holder_kind = 'wallet' and balance > 0`, [tokenId]);
  return {
    holders: holders.rows.map((r) => ({ owner: r.owner, balance: BigInt(r.balance), firstSeen: r.first_seen, lastSeen: r.last_seen })),
    holderAccounts: accounts.rows[0]?.n ?? 0,
    excluded: Object.fromEntries(excluded.rows.map((r) => [r.holder_kind, BigInt(r.total)])),
  };
}

const INSERT_SNAPSHOT_SQL = `
insert into holder_snapshots (token_id, snapshot_time, total_holders, unique_holders, top_10_concentration, top_25_concentration,
  top_100_concentration, gini_coefficient, holders_1_100, holders_100_1k, holders_1k_10k, holders_10k_100k, holders_100k_plus,
  average_holding_size, median_holding_size, diamond_hands_count, raw_distribution)
values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`;

export async function insertHolderSnapshot(db: Queryable, tokenId: string, s: HolderSnapshot): Promise<void> {
  const b = s.buckets;
  await db.query(INSERT_SNAPSHOT_SQL, [tokenId, s.snapshotTime.toISOString(), s.totalHolders, s.uniqueHolders, s.top10Concentration, s.top25Concentration,
    s.top100Concentration, s.giniCoefficient, b.holders1To100, b.holders100To1k, b.holders1kTo10k, b.holders10kTo100k, b.holders100kPlus,
    s.averageHoldingSize, s.medianHoldingSize, s.diamondHandsCount, toJson(s.rawDistribution)]);
}

export interface TopHolderRow {
  wallet: string;
  firstSeen: Date;
  lastSeen: Date;
  /** Whole tokens, 6 places. */
  currentBalance: string;
  percentageHeld: string | null;
  isCreator: boolean;
  tags: string[];
}

const UPSERT_TOP_SQL = `
insert into top_holders as h (token_id, wallet_address, first_seen, last_seen, current_balance, percentage_held, is_creator, wallet_tags)
select $1, wallet, first_seen, last_seen, balance, pct, creator, tags::text[]
from unnest($2::text[], $3::timestamptz[], $4::timestamptz[], $5::numeric[], $6::numeric[], $7::bool[], $8::text[])
  as v(wallet, first_seen, last_seen, balance, pct, creator, tags)
on conflict (token_id, wallet_address) do update set
  first_seen = excluded.first_seen, last_seen = excluded.last_seen, current_balance = excluded.current_balance,
  percentage_held = excluded.percentage_held, is_creator = excluded.is_creator, wallet_tags = excluded.wallet_tags, updated_at = now()`;

/** Makes top_holders of the token exactly `rows` (wallets that left the top N are removed). */
export async function replaceTopHolders(db: Queryable, tokenId: string, rows: readonly TopHolderRow[]): Promise<void> {
  await db.query('delete from top_holders where token_id = $1 and not (wallet_address = any($2::text[]))', [tokenId, rows.map((r) => r.wallet)]);
  if (rows.length === 0) return;
  // text[] of text[] cannot go through unnest as ragged arrays: tags travel as '{a,b}' literals.
  await db.query(UPSERT_TOP_SQL, [tokenId, rows.map((r) => r.wallet), rows.map((r) => r.firstSeen.toISOString()), rows.map((r) => r.lastSeen.toISOString()),
    rows.map((r) => r.currentBalance), rows.map((r) => r.percentageHeld), rows.map((r) => r.isCreator), rows.map((r) => `{${r.tags.join(',')}}`)]);
}
