/** `social_metrics` reads and writes, and the tokens whose social presence is collected. */
import type { Queryable } from './pg-pool.js';
import { columnsOf, toJson } from './sql-values.js';

const SOCIAL_CANDIDATES_SQL = `
select id, metadata->>'uri' as uri from tokens
where last_trade_at > $1::timestamptz - $2::interval and metadata->>'uri' is not null and metadata->>'uri' <> ''`;

/** Active tokens with a metadata URI. */
export async function listSocialCandidates(db: Queryable, asOf: Date, activeMinutes: number): Promise<Array<{ tokenId: string; uri: string }>> {
  const { rows } = await db.query(SOCIAL_CANDIDATES_SQL, [asOf.toISOString(), `${activeMinutes} minutes`]);
  return rows.map((r) => ({ tokenId: r.id, uri: r.uri }));
}

const AUDIENCE_AT_SQL = `
select distinct on (token_id) token_id, twitter_followers, telegram_members from social_metrics
where token_id = any($1::uuid[]) and "timestamp" <= $2::timestamptz
order by token_id, "timestamp" desc`;

/** The newest followers + members of each token at or before `at`. */
export async function readAudienceAt(db: Queryable, tokenIds: readonly string[], at: Date): Promise<Map<string, { followers: number | null; members: number | null }>> {
  if (tokenIds.length === 0) return new Map();
  const { rows } = await db.query(AUDIENCE_AT_SQL, [tokenIds, at.toISOString()]);
  return new Map(rows.map((r) => [r.token_id as string, { followers: r.twitter_followers, members: r.telegram_members }]));
}

export interface SocialMetricsRow {
  tokenId: string;
  timestamp: Date;
  twitterFollowers: number | null;
  telegramMembers: number | null;
  socialGrowthRate1h: number | null;
  socialGrowthRate24h: number | null;
  rawData: Record<string, unknown>;
}

const INSERT_SOCIAL_SQL = `
insert into social_metrics (token_id, "timestamp", twitter_followers, telegram_members, social_growth_rate_1h, social_growth_rate_24h, raw_data)
select * from unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::numeric[], $6::numeric[], $7::jsonb[])`;

const SOCIAL_COLUMNS: ReadonlyArray<(r: SocialMetricsRow) => unknown> = [
  (r) => r.tokenId, (r) => r.timestamp.toISOString(), (r) => clampInt(r.twitterFollowers), (r) => clampInt(r.telegramMembers),
  (r) => r.socialGrowthRate1h, (r) => r.socialGrowthRate24h, (r) => toJson(r.rawData),
];

export async function insertSocialMetrics(db: Queryable, rows: readonly SocialMetricsRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(INSERT_SOCIAL_SQL, columnsOf(rows, SOCIAL_COLUMNS));
}

function clampInt(value: number | null): number | null {
  return value === null ? null : Math.min(2_147_483_647, Math.round(value));
}
