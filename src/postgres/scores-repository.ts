/**
 * Reads of scoring inputs and writes of `token_scores`. One exported function per statement, each with
 * its SQL beside it (the big input statement lives in scoring-inputs-sql.ts).
 */
import type { MintFacts, ScoringInputs, SocialInputs, TokenScoreRow } from '../contracts/scoring.js';
import type { Queryable } from './pg-pool.js';
import { READ_SCORING_INPUTS_SQL } from './scoring-inputs-sql.js';
import { columnsOf, toJson } from './sql-values.js';

/** What the statement cannot know: the mint facts come from the launch or token_mint_facts. */
export type ScoringInputsWithoutMint = Omit<ScoringInputs, 'mintFacts'> & { tokenProgram: string | null };

export interface ReadInputsOptions {
  /** How far back trades are read (default 24 hours). */
  lookbackMinutes?: number;
  /** A holder with at least this share of supply counts as real (default 0.0001 = 0.01 %). */
  realHolderShare?: number;
  /** Read wallet tags of top_holders (current, so off in backtests). Default true. */
  useWalletTags?: boolean;
}

/** Scoring inputs of each (token, as-of) request; tokens that do not exist are left out. */
export async function readScoringInputs(db: Queryable, requests: ReadonlyArray<{ tokenId: string; asOf: Date }>, options: ReadInputsOptions = {}): Promise<ScoringInputsWithoutMint[]> {
  if (requests.length === 0) return [];
  const { rows } = await db.query(READ_SCORING_INPUTS_SQL, [
    requests.map((r) => r.tokenId),
    requests.map((r) => r.asOf.toISOString()),
    `${options.lookbackMinutes ?? 1_440} minutes`,
    options.realHolderShare ?? 0.0001,
    options.useWalletTags ?? true,
  ]);
  return rows.map(mapInputsRow);
}

type Row = Record<string, unknown>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function mapInputsRow(r: Row): ScoringInputsWithoutMint {
  const asOf = new Date(r['as_of'] as string);
  const creation = r['creation_timestamp'] ? new Date(r['creation_timestamp'] as string) : null;
  const supply = num(r['supply']) || 1e9;
  const pct = (v: unknown) => (num(v) / supply) * 100;
  const userVolume = num(r['user_volume']);
  const firstSell = r['creator_first_sell'] ? new Date(r['creator_first_sell'] as string) : null;
  const tagged = num(r['tagged_rows']) > 0;
  return {
    tokenId: r['token_id'] as string, mint: r['mint_address'] as string, platform: r['platform'] as ScoringInputs['platform'],
    asOf, creationTime: creation, ageMinutes: creation ? (asOf.getTime() - creation.getTime()) / 60_000 : null,
    creator: (r['creator_address'] as string | null) ?? null, isGraduated: r['graduated'] === true, supply, tokenProgram: (r['token_program'] as string | null) ?? null,
    trades: {
      trades: num(r['trades']), buys: num(r['buys']), sells: num(r['sells']), failedAttempts: num(r['failed_attempts']),
      uniqueBuyers: num(r['unique_buyers']), uniqueSellers: num(r['unique_sellers']),
      buyVolumeQuote: num(r['buy_volume']), sellVolumeQuote: num(r['sell_volume']),
      trades5m: num(r['trades_5m']), volume5mQuote: num(r['volume_5m']), traders5m: num(r['traders_5m']),
      firstPrice: numOrNull(r['first_price']), lastPrice: numOrNull(r['last_price']), maxPrice: numOrNull(r['max_price']),
      lastPriceText: (r['last_price'] as string | null) ?? null, lastSlot: r['last_slot'] === null || r['last_slot'] === undefined ? null : BigInt(r['last_slot'] as bigint),
      realQuoteReserves: numOrNull(r['real_quote_reserves']),
      curveProgressPct: r['graduated'] === true ? 100 : curveProgress(r),
    },
    holders: {
      holders: num(r['holders']), realHolders: num(r['real_holders']), top10Pct: pct(r['top10_net']), creatorPct: pct(r['creator_net']),
      launchSlotBoughtPct: pct(r['launch_slot_bought']), createTxBoughtPct: pct(r['create_tx_bought']),
      cyclingVolumePct: userVolume > 0 ? (num(r['cycling_volume']) / userVolume) * 100 : 0,
      devTaggedPct: tagged ? num(r['dev_tagged_pct']) : null, sniperTaggedPct: tagged ? num(r['sniper_tagged_pct']) : null, botTaggedPct: tagged ? num(r['bot_tagged_pct']) : null,
    },
    creatorActivity: {
      creatorSells: num(r['creator_sells']),
      firstSellMinutes: firstSell && creation ? (firstSell.getTime() - creation.getTime()) / 60_000 : null,
      soldOfBoughtPct: num(r['creator_bought']) > 0 ? Math.min(100, (num(r['creator_sold']) / num(r['creator_bought'])) * 100) : 0,
    },
    creatorHistory: { earlierLaunches: num(r['earlier_launches']), earlierGraduated: num(r['earlier_graduated']), earlierDead: num(r['earlier_dead']) },
    social: socialOf(r),
  };
}

/** Pump.fun: (793.1 M − real token reserves) / 793.1 M; LaunchLab: sold / total base to sell (0-100). */
const PUMP_INITIAL_REAL_TOKEN_RAW = 793_100_000_000_000;
function curveProgress(r: Row): number | null {
  const reserves = numOrNull(r['real_token_reserves']);
  if (reserves === null) return null;
  if (r['platform'] === 'pumpfun') return Math.max(0, Math.min(100, ((PUMP_INITIAL_REAL_TOKEN_RAW - reserves) / PUMP_INITIAL_REAL_TOKEN_RAW) * 100));
  const total = numOrNull(r['total_base_sell']);
  return total ? Math.max(0, Math.min(100, (reserves / total) * 100)) : null;
}

function socialOf(r: Row): SocialInputs | null {
  const raw = r['social_raw'] as Record<string, unknown> | null | undefined;
  if (!raw) return null;
  const links = (raw['links'] ?? {}) as Record<string, unknown>;
  return {
    hasTwitter: Boolean(links['twitter']), hasTelegram: Boolean(links['telegram']), hasWebsite: Boolean(links['website']),
    twitterFollowers: numOrNull(r['twitter_followers']), twitterAccountScore: numOrNull(raw['twitterScore']),
    telegramMembers: numOrNull(r['telegram_members']), growthRate1hPct: numOrNull(r['growth_1h']), confidence: num(raw['confidence']),
  };
}

const ACTIVE_TOKENS_SQL = `
select k.id, k.creation_timestamp,
  (select count(*)::int from transactions t where t.token_id = k.id and t.success and t.block_time > $1::timestamptz - interval '5 minutes' and t.block_time <= $1::timestamptz) as trades_5m
from tokens k
where k.last_trade_at > $1::timestamptz - $2::interval and k.last_trade_at <= $1::timestamptz`;

export interface ActiveToken {
  tokenId: string;
  creationTime: Date | null;
  trades5m: number;
}

/** Tokens that traded in the `activeMinutes` before `asOf`, with their trades of the last 5 minutes. */
export async function listActiveTokens(db: Queryable, asOf: Date, activeMinutes: number): Promise<ActiveToken[]> {
  const { rows } = await db.query(ACTIVE_TOKENS_SQL, [asOf.toISOString(), `${activeMinutes} minutes`]);
  return rows.map((r) => ({ tokenId: r.id, creationTime: r.creation_timestamp ? new Date(r.creation_timestamp) : null, trades5m: r.trades_5m }));
}

const INSERT_SCORES_SQL = `
insert into token_scores (token_id, calculated_at, technical_score, holder_score, social_score, liquidity_score, trading_score,
  contract_score, distribution_score, quality_score, activity_score, twitter_score, community_score, virality_score,
  score_multiplier, has_red_flags, red_flags, ml_graduation_probability, ml_confidence_score, ml_model_version, score_details)
select u.token_id, u.calculated_at, u.technical, u.holder, u.social, u.liquidity, u.trading, u.contract, u.distribution,
  u.quality, u.activity, u.twitter, u.community, u.virality, u.multiplier, u.has_flags,
  case when u.flags is null then '{}'::text[] else array(select jsonb_array_elements_text(u.flags)) end,
  u.probability, u.confidence, u.version, u.details
from unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[], $9::int[],
  $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::numeric[], $16::boolean[], $17::jsonb[], $18::numeric[],
  $19::numeric[], $20::text[], $21::jsonb[])
  as u (token_id, calculated_at, technical, holder, social, liquidity, trading, contract, distribution, quality, activity,
        twitter, community, virality, multiplier, has_flags, flags, probability, confidence, version, details)`;

const SCORE_COLUMNS: ReadonlyArray<(r: TokenScoreRow) => unknown> = [
  (r) => r.tokenId, (r) => r.calculatedAt.toISOString(), (r) => r.technicalScore, (r) => r.holderScore, (r) => r.socialScore,
  (r) => r.liquidityScore, (r) => r.tradingScore, (r) => r.contractScore, (r) => r.distributionScore, (r) => r.qualityScore,
  (r) => r.activityScore, (r) => r.twitterScore, (r) => r.communityScore, (r) => r.viralityScore, (r) => r.scoreMultiplier,
  (r) => r.hasRedFlags, (r) => JSON.stringify(r.redFlags), (r) => r.mlGraduationProbability, (r) => r.mlConfidenceScore,
  (r) => r.mlModelVersion, (r) => toJson(r.scoreDetails),
];

/** Inserts score rows (one statement; a text[] array of arrays is not expressible in unnest, so flags travel as JSON). */
export async function insertTokenScores(db: Queryable, rows: readonly TokenScoreRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(INSERT_SCORES_SQL, columnsOf(rows, SCORE_COLUMNS));
}

const READ_MINT_FACTS_SQL = `select token_id, facts from token_mint_facts where token_id = any($1::uuid[])`;

/** Stored mint facts of the given tokens. */
export async function readMintFacts(db: Queryable, tokenIds: readonly string[]): Promise<Map<string, MintFacts>> {
  if (tokenIds.length === 0) return new Map();
  const { rows } = await db.query(READ_MINT_FACTS_SQL, [tokenIds]);
  return new Map(rows.map((r) => [r.token_id as string, r.facts as MintFacts]));
}

const UPSERT_MINT_FACTS_SQL = `
insert into token_mint_facts (token_id, facts, read_at, slot) values ($1, $2, $3, $4)
on conflict (token_id) do update set facts = excluded.facts, read_at = excluded.read_at, slot = excluded.slot`;

export async function upsertMintFacts(db: Queryable, tokenId: string, facts: MintFacts, readAt: Date, slot: bigint | null): Promise<void> {
  await db.query(UPSERT_MINT_FACTS_SQL, [tokenId, toJson(facts), readAt.toISOString(), slot?.toString() ?? null]);
}

const TRADED_BETWEEN_SQL = `
select distinct token_id from transactions where success and block_time > $1::timestamptz and block_time <= $2::timestamptz`;

/** Tokens with a successful trade in (from, to] — the as-of active set of a backtest (tokens.last_trade_at is only "now"). */
export async function listTokensTradedBetween(db: Queryable, from: Date, to: Date): Promise<string[]> {
  const { rows } = await db.query(TRADED_BETWEEN_SQL, [from.toISOString(), to.toISOString()]);
  return rows.map((r) => r.token_id as string);
}
