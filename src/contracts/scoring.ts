/**
 * The scoring contract between the scores repository (src/postgres/scores-repository.ts, which reads the
 * inputs and writes the rows) and the pure formulas (src/analytics/scoring, ml, signals): what is known
 * about one token at one moment (`ScoringInputs`), and the `token_scores` row computed from it
 * (`TokenScoreRow`). Types only.
 *
 * `ScoringInputs`: facts from the token row, aggregates of its trades up to `asOf`, holder estimates from
 * net trade flows, the creator's earlier launches, the mint's authorities and extensions, and the latest
 * social metrics. Live scoring, the backtest and model training read them through the same statement.
 * Amounts here are floats: they feed scores, never balances.
 */

/**
 * What we know about a token's mint: who can mint more or freeze accounts, and which Token-2022
 * extensions could take value from holders (settled by src/analytics/scoring/mint-facts.ts).
 */
export interface MintFacts {
  source: 'create_instruction' | 'rpc' | 'unknown';
  tokenProgram: 'spl_token' | 'token_2022' | 'unknown';
  mintAuthority: string | null;
  freezeAuthority: string | null;
  extensions: string[];
  transferFeeBps: number | null;
  transferHookProgram: string | null;
  permanentDelegate: string | null;
  defaultAccountStateFrozen: boolean;
  pausable: boolean;
}

export interface TradeAggregates {
  /** Successful trades up to asOf (within the lookback). */
  trades: number;
  buys: number;
  sells: number;
  /** Failed attempts (a busy launch attracts failed snipes). */
  failedAttempts: number;
  uniqueBuyers: number;
  uniqueSellers: number;
  /** Quote volume (whole quote units) of buys and of sells. */
  buyVolumeQuote: number;
  sellVolumeQuote: number;
  /** Trades and quote volume in the 5 minutes before asOf. */
  trades5m: number;
  volume5mQuote: number;
  /** Distinct traders in the 5 minutes before asOf. */
  traders5m: number;
  /** First and last successful trade price (whole quote per whole token) and the highest. */
  firstPrice: number | null;
  lastPrice: number | null;
  maxPrice: number | null;
  /** Exact decimal text of the last price (for signals). */
  lastPriceText: string | null;
  lastSlot: bigint | null;
  /** Quote reserves of the launch pool after the last trade (whole quote units). */
  realQuoteReserves: number | null;
  /** Percent 0-100 of the curve sold after the last trade. */
  curveProgressPct: number | null;
}

export interface HolderAggregates {
  /** Wallets with a positive net position from trades. */
  holders: number;
  /** Holders whose position is at least the "real holder" minimum (0.01 % of supply). */
  realHolders: number;
  /** Percent of supply held by the 10 largest net positions. */
  top10Pct: number;
  /** Percent of supply the creator holds (net of its trades). */
  creatorPct: number;
  /** Percent of supply bought in the launch slot by wallets other than the creator. */
  launchSlotBoughtPct: number;
  /** Percent of supply bought in the creation transaction itself, creator included (bundled create). */
  createTxBoughtPct: number;
  /** Percent of quote volume by wallets that bought ≥ 2 and sold ≥ 2 times (cycling). */
  cyclingVolumePct: number;
  /** Percent of supply held by wallets the holder job tagged dev / sniper / bundled / bot (null: no tags). */
  devTaggedPct: number | null;
  sniperTaggedPct: number | null;
  botTaggedPct: number | null;
}

export interface CreatorHistory {
  /** Launches by the same creator before this one. */
  earlierLaunches: number;
  earlierGraduated: number;
  /** Earlier launches that never graduated and had no trade for an hour. */
  earlierDead: number;
}

export interface CreatorActivity {
  creatorSells: number;
  /** Minutes from launch to the creator's first sell (null: never sold). */
  firstSellMinutes: number | null;
  /** Percent of the creator's bought tokens it has sold (0-100). */
  soldOfBoughtPct: number;
}

export interface SocialInputs {
  hasTwitter: boolean;
  hasTelegram: boolean;
  hasWebsite: boolean;
  twitterFollowers: number | null;
  /** TweetScout account score when known. */
  twitterAccountScore: number | null;
  telegramMembers: number | null;
  growthRate1hPct: number | null;
  /** Sources that answered (0-1); 0 when nothing was collected. */
  confidence: number;
}

export interface ScoringInputs {
  tokenId: string;
  mint: string;
  platform: 'pumpfun' | 'raydium_launchpad';
  asOf: Date;
  creationTime: Date | null;
  /** Minutes since launch at asOf (null when the creation is unknown). */
  ageMinutes: number | null;
  creator: string | null;
  isGraduated: boolean;
  /** Supply in whole tokens (initial supply / 10^decimals; 1e9 when unknown). */
  supply: number;
  trades: TradeAggregates;
  holders: HolderAggregates;
  creatorActivity: CreatorActivity;
  creatorHistory: CreatorHistory;
  mintFacts: MintFacts;
  social: SocialInputs | null;
}

/**
 * One `token_scores` row: the three scores of 0-333 with their breakdowns, red flags and multiplier, the
 * graduation prediction, and score_details (built by src/analytics/scoring/score-token.ts).
 */
export interface TokenScoreRow {
  tokenId: string;
  calculatedAt: Date;
  technicalScore: number;
  holderScore: number;
  socialScore: number;
  liquidityScore: number;
  tradingScore: number;
  contractScore: number;
  distributionScore: number;
  qualityScore: number;
  activityScore: number;
  twitterScore: number;
  communityScore: number;
  viralityScore: number;
  scoreMultiplier: number;
  hasRedFlags: boolean;
  redFlags: string[];
  mlGraduationProbability: number | null;
  mlConfidenceScore: number | null;
  mlModelVersion: string | null;
  scoreDetails: Record<string, unknown>;
  /** Not a column: round(total × multiplier). */
  effectiveScore: number;
  totalScore: number;
  /** Not a column: slot the inputs reflect (last trade). */
  slot: bigint;
}
