/**
 * Configuration: one zod schema over the environment. Every variable is declared once in `VARIABLES`
 * with its default, what it expects and whether it is a secret; `.env.example` documents the same list
 * (a test keeps the two in step). A bad value stops start-up with one message that names the variable,
 * says what is wrong and what is expected, and never echoes a secret.
 */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const COMMITMENTS = ['processed', 'confirmed', 'finalized'] as const;

/** A URL whose scheme is one of `schemes`. */
function urlWithScheme(schemes: readonly string[]) {
  return z.string().refine(
    (value) => {
      try {
        return schemes.includes(new URL(value).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    { message: 'not a valid URL with an accepted scheme' },
  );
}

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'not a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `below ${min}`).max(max, `above ${max}`));

/** A decimal number such as 0.55 within [min, max]. */
const decimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'not a decimal number')
    .transform(Number)
    .pipe(z.number().min(min, `below ${min}`).max(max, `above ${max}`));

/** Comma-separated whole numbers, e.g. "5,15,30". */
const integerList = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+(,\d+)*$/, 'not a comma-separated list of whole numbers')
    .transform((v) => v.split(',').map(Number))
    .pipe(z.array(z.number().int().min(min, `below ${min}`).max(max, `above ${max}`)));

const boolean = z.enum(['true', 'false', '1', '0'], { message: 'not a boolean' }).transform((v) => v === 'true' || v === '1');

interface VariableSpec {
  schema: z.ZodType<unknown, string>;
  /** Used when the variable is unset or empty; undefined means "optional, no default". */
  default?: string;
  /** Shown in the error message: what a good value looks like. */
  expected: string;
  /** Secrets are never echoed in errors or logs. */
  secret?: boolean;
}

/**
 * Token intelligence (scores, red flags, graduation model, signals, social): every threshold is a
 * variable so that a backtest can compare settings. docs/scoring.md says what each one does.
 */
const INTELLIGENCE_VARIABLES = {
  INTELLIGENCE_ENABLED: { schema: boolean, default: 'true', expected: 'true or false' },
  SCORING_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '60000', expected: 'how often every active token is scored, in ms, 1000..3600000' },
  SCORING_FAST_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '15000', expected: 'how often young busy tokens are scored, in ms, 1000..3600000' },
  SCORING_ACTIVE_MINUTES: { schema: integer(1, 1_440), default: '60', expected: 'a token is active when it traded within this many minutes, 1..1440' },
  SCORING_YOUNG_MINUTES: { schema: integer(1, 1_440), default: '30', expected: 'tokens younger than this many minutes can be scored on the fast interval, 1..1440' },
  SCORING_BUSY_TRADES_5M: { schema: integer(1, 1_000_000), default: '20', expected: 'trades in the last 5 minutes that make a young token busy, 1..1000000' },
  SCORE_LIQUIDITY_FULL_QUOTE: { schema: decimal(0.001, 1e9), default: '85', expected: 'quote reserves (whole SOL) at which the liquidity score is full' },
  SCORE_VOLUME_FULL_QUOTE_5M: { schema: decimal(0.001, 1e9), default: '50', expected: 'quote volume of the last 5 minutes at which the volume part of the trading score is full' },
  SCORE_HOLDERS_FULL: { schema: integer(1, 1_000_000), default: '300', expected: 'holders at which the holder-count part of the distribution score is full' },
  RED_FLAG_CREATOR_MAX_PCT: { schema: decimal(0, 100), default: '10', expected: 'percent of supply the creator (and dev-tagged wallets) may hold before a red flag, 0..100' },
  RED_FLAG_TOP10_MAX_PCT: { schema: decimal(0, 100), default: '45', expected: 'percent of supply the 10 largest holders may hold before a red flag, 0..100' },
  RED_FLAG_SNIPED_MAX_PCT: { schema: decimal(0, 100), default: '20', expected: 'percent of supply bought in the launch slot (snipers, bundles) before a red flag, 0..100' },
  RED_FLAG_CREATOR_SELL_MINUTES: { schema: integer(0, 1_440), default: '30', expected: 'a creator selling within this many minutes of launch is a red flag, 0..1440' },
  RED_FLAG_MIN_HOLDERS: { schema: integer(0, 1_000_000), default: '15', expected: 'fewer real holders than this (after 10 minutes) is a red flag' },
  RED_FLAG_WASH_MAX_PCT: { schema: decimal(0, 100), default: '40', expected: 'percent of volume by wallets cycling buy/sell before a red flag, 0..100' },
  RED_FLAG_DEAD_LAUNCHES: { schema: integer(1, 1_000), default: '3', expected: 'earlier launches of the creator that died before a red flag' },
  SCORING_MINT_RPC: { schema: boolean, default: 'true', expected: 'true or false: read the mint account over RPC when the create instruction does not settle it' },
  ML_SNAPSHOT_MINUTES: { schema: integerList(1, 1_440), default: '5,15,30,60', expected: 'minutes after launch at which the graduation model sees a token, e.g. 5,15,30,60' },
  ML_RETRAIN_INTERVAL_MS: { schema: integer(60_000, 604_800_000), default: '86400000', expected: 'how often the graduation model is retrained, in ms (60000..604800000)' },
  ML_MIN_TRAINING_TOKENS: { schema: integer(10, 10_000_000), default: '200', expected: 'tokens with a known outcome needed before a model is trained' },
  ML_TRAINING_DAYS: { schema: integer(1, 365), default: '14', expected: 'days of launches the model is trained on, 1..365' },
  SIGNAL_BUY_MIN_SCORE: { schema: integer(0, 999), default: '550', expected: 'total score (0..999) a buy signal needs' },
  SIGNAL_BUY_MIN_PROBABILITY: { schema: decimal(0, 1), default: '0.3', expected: 'graduation probability (0..1) a buy signal needs' },
  SIGNAL_SELL_MAX_SCORE: { schema: integer(0, 999), default: '250', expected: 'total score at or below which a sell signal is raised for a token with a buy open' },
  SIGNAL_TAKE_PROFIT_PCT: { schema: decimal(0.1, 100_000), default: '100', expected: 'percent gain that closes a signal (take profit)' },
  SIGNAL_STOP_LOSS_PCT: { schema: decimal(0.1, 100), default: '35', expected: 'percent loss that closes a signal (stop loss), 0.1..100' },
  SIGNAL_MAX_HOLD_MINUTES: { schema: integer(1, 10_080), default: '120', expected: 'minutes after which an open signal is closed at the last price' },
  SIGNAL_TRACK_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '15000', expected: 'how often open signals are followed, in ms' },
  SOCIAL_INTERVAL_MS: { schema: integer(10_000, 86_400_000), default: '300000', expected: 'how often social metrics are collected, in ms' },
  SOCIAL_FETCH_TIMEOUT_MS: { schema: integer(100, 120_000), default: '5000', expected: 'time-out of one metadata or social API request, in ms' },
  SOCIAL_METADATA_MAX_BYTES: { schema: integer(1_024, 10_485_760), default: '262144', expected: 'largest token metadata document read, in bytes' },
  IPFS_GATEWAY_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://ipfs.io/ipfs/', expected: 'an http(s) IPFS gateway URL ending in /ipfs/' },
  ARWEAVE_GATEWAY_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://arweave.net/', expected: 'an http(s) Arweave gateway URL' },
  TWEETSCOUT_API_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://api.tweetscout.io/v2', expected: 'the TweetScout API base URL' },
  TWEETSCOUT_API_KEY: { schema: z.string().min(1, 'empty'), expected: 'your TweetScout API key (empty = no Twitter scores)', secret: true },
  TWEETSCOUT_REQUESTS_PER_MINUTE: { schema: integer(1, 100_000), default: '60', expected: 'requests per minute allowed to TweetScout' },
  TELEGRAM_API_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://api.telegram.org', expected: 'the Telegram Bot API base URL' },
  SIGNAL_EXECUTION_TOKEN: { schema: z.string().min(16, 'shorter than 16 characters'), expected: 'a bearer token of 16+ characters for POST /signals/{id}/execution (empty = route off)', secret: true },
  TELEGRAM_BOT_TOKEN: { schema: z.string().min(1, 'empty'), expected: 'a Telegram bot token (empty = no Telegram member counts)', secret: true },
} satisfies Record<string, VariableSpec>;

/** Every environment variable Megatron reads. */
export const VARIABLES = {
  DATABASE_URL: { schema: urlWithScheme(['postgres', 'postgresql']), expected: 'a postgres:// URL, e.g. postgres://user:pass@host:5432/megatron', secret: true },
  REDIS_URL: { schema: urlWithScheme(['redis', 'rediss']), expected: 'a redis:// or rediss:// URL (leave empty to run without Redis)', secret: true },
  REDIS_KEY_PREFIX: { schema: z.string().max(64, 'longer than 64 characters'), default: '', expected: 'a short key prefix such as "megatron:" (or empty)' },
  REDIS_CHANNEL: { schema: z.string().min(1, 'empty'), default: 'megatron:events', expected: 'a pub/sub channel name' },
  GRPC_ENDPOINT: { schema: urlWithScheme(['http', 'https']), default: 'http://127.0.0.1:10000', expected: 'an http:// or https:// URL of a Yellowstone gRPC endpoint' },
  GRPC_X_TOKEN: { schema: z.string().min(1, 'empty'), expected: 'the x-token your Yellowstone provider gave you', secret: true },
  GRPC_COMMITMENT: { schema: z.enum(COMMITMENTS, { message: 'not an accepted value' }), default: 'confirmed', expected: `one of ${COMMITMENTS.join(', ')}` },
  GRPC_PING_INTERVAL_MS: { schema: integer(1_000, 600_000), default: '15000', expected: 'milliseconds between keep-alive pings, 1000..600000' },
  GRPC_RECONNECT_MAX_DELAY_MS: { schema: integer(100, 300_000), default: '30000', expected: 'the longest back-off between reconnects in ms, 100..300000' },
  STREAM_NAME: { schema: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'not 1-40 of a-z, 0-9, _ or -'), default: 'mainnet', expected: 'a short name for this stream\'s checkpoint, e.g. mainnet' },
  STREAM_SILENCE_SECONDS: { schema: integer(1, 86_400), default: '60', expected: 'seconds without an update or a ping after which the stream is reopened from the checkpoint, 1..86400' },
  STREAM_START_SLOT: { schema: z.string().regex(/^\d{1,20}$/, 'not a slot number').transform((v) => BigInt(v)), expected: 'the slot to start from when the stream has no checkpoint yet (unset = the live head)' },
  RPC_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://api.mainnet-beta.solana.com', expected: 'an http(s) URL of a Solana JSON-RPC endpoint', secret: true },
  RPC_REQUESTS_PER_SECOND: { schema: integer(1, 10_000), default: '10', expected: 'requests per second allowed to RPC, 1..10000' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS, { message: 'not an accepted value' }), default: 'info', expected: `one of ${LOG_LEVELS.join(', ')}` },
  BATCH_MAX_ROWS: { schema: integer(1, 200_000), default: '10000', expected: 'rows per database batch, 1..200000' },
  BATCH_FLUSH_INTERVAL_MS: { schema: integer(1, 60_000), default: '100', expected: 'longest wait before a partial batch is written, in ms, 1..60000' },
  QUEUE_MAX_ITEMS: { schema: integer(10, 1_000_000), default: '20000', expected: 'bound of the stream-to-pipeline queue, 10..1000000' },
  PG_POOL_MAX: { schema: integer(2, 100), default: '4', expected: 'PostgreSQL connections, 2..100' },
  HTTP_PORT: { schema: integer(0, 65_535), default: '9090', expected: 'a TCP port 0..65535 (0 picks a free one)' },
  HTTP_HOST: { schema: z.string().min(1, 'empty'), default: '0.0.0.0', expected: 'an interface address such as 0.0.0.0 or 127.0.0.1' },
  CANDLE_REFRESH_INTERVAL_MS: { schema: integer(50, 600_000), default: '1000', expected: 'how often touched 1m candle buckets are recomputed from the trades, in ms, 50..600000' },
  CANDLE_5M_REFRESH_INTERVAL_MS: { schema: integer(50, 600_000), default: '5000', expected: 'how often touched 5m candle buckets are recomputed from the trades, in ms, 50..600000' },
  REFRESH_AGGREGATES_INTERVAL_MS: { schema: integer(1_000, 86_400_000), default: '60000', expected: 'how often the service refreshes the 1h/1d views on plain PostgreSQL, in ms' },
  SYSTEM_METRICS_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '60000', expected: 'how often a system_metrics row is written, in ms' },
  DEMO_TRADES_PER_SECOND: { schema: integer(1, 100_000), default: '200', expected: 'trade rate of the synthetic market in `npm run demo`' },
  DEMO_DURATION_SECONDS: { schema: integer(0, 86_400), default: '0', expected: 'seconds the demo runs before stopping (0 = until Ctrl-C)' },
  SHUTDOWN_TIMEOUT_MS: { schema: integer(100, 600_000), default: '15000', expected: 'how long a graceful shutdown may take before the process exits anyway' },
  HOLDERS_ENABLED: { schema: boolean, default: 'true', expected: 'true or false' },
  HOLDER_TOP_N: { schema: integer(1, 1_000), default: '100', expected: 'wallets kept in top_holders per token, 1..1000' },
  HOLDER_SCHEDULER_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '15000', expected: 'how often the holder job looks for tokens due a snapshot, in ms' },
  HOLDER_SNAPSHOT_YOUNG_INTERVAL_MS: { schema: integer(1_000, 86_400_000), default: '60000', expected: 'snapshot interval of young active tokens, in ms' },
  HOLDER_SNAPSHOT_INTERVAL_MS: { schema: integer(1_000, 86_400_000), default: '900000', expected: 'snapshot interval of other tokens that traded since their last snapshot, in ms' },
  HOLDER_YOUNG_TOKEN_MINUTES: { schema: integer(1, 10_080), default: '60', expected: 'age in minutes under which a token is young, 1..10080' },
  HOLDER_ACTIVE_MINUTES: { schema: integer(1, 1_440), default: '10', expected: 'a token that traded within this many minutes is active, 1..1440' },
  HOLDER_MAX_TOKENS_PER_RUN: { schema: integer(1, 100_000), default: '200', expected: 'most tokens snapshotted per job run, 1..100000' },
  HOLDER_RECONCILE_INTERVAL_MS: { schema: integer(1_000, 86_400_000), default: '300000', expected: 'how often hot tokens are reconciled from RPC, in ms' },
  HOLDER_RECONCILE_PROGRESS_PCT: { schema: integer(0, 100), default: '80', expected: 'bonding-curve progress (percent) above which a token is reconciled, 0..100' },
  HOLDER_RECONCILE_MAX_TOKENS: { schema: integer(0, 1_000), default: '5', expected: 'most tokens reconciled from RPC per run, 0..1000 (0 = never)' },
  HOLDER_SNIPER_SLOTS: { schema: integer(0, 1_000), default: '2', expected: 'slots after creation in which a first buy tags a sniper, 0..1000' },
  HOLDER_BUNDLE_MIN_WALLETS: { schema: integer(2, 1_000), default: '3', expected: 'distinct buyers in one launch-window slot that tag them bundled, 2..1000' },
  HOLDER_BUNDLE_WINDOW_SLOTS: { schema: integer(0, 100_000), default: '10', expected: 'slots after creation that form the launch window, 0..100000' },
  HOLDER_WHALE_PERCENT: { schema: integer(1, 100), default: '2', expected: 'percent of the total supply a whale holds at least, 1..100' },
  HOLDER_BOT_MIN_TRADES: { schema: integer(2, 10_000), default: '5', expected: 'trades of one token at machine cadence that tag a bot, 2..10000' },
  HOLDER_BOT_MAX_GAP_SLOTS: { schema: integer(0, 10_000), default: '2', expected: 'largest gap between two trades at machine cadence, in slots' },
  HOLDER_BOT_MIN_TOKENS: { schema: integer(2, 10_000), default: '5', expected: 'distinct tokens traded within HOLDER_BOT_WINDOW_SECONDS that tag a bot' },
  HOLDER_BOT_WINDOW_SECONDS: { schema: integer(1, 86_400), default: '10', expected: 'window of the many-tokens bot rule, in seconds' },
  TOKEN_METADATA_ENABLED: { schema: boolean, default: 'true', expected: 'true or false: read name, symbol, uri and decimals over RPC for tokens that lack them' },
  TOKEN_METADATA_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '15000', expected: 'how often tokens without a name or decimals are looked up over RPC, in ms, 1000..3600000' },
  TOKEN_METADATA_MAX_TOKENS_PER_RUN: { schema: integer(1, 1_000), default: '100', expected: 'most tokens looked up per run, 1..1000 (about two getMultipleAccounts calls per 100)' },
  TOKEN_METADATA_RETRY_MAX_MS: { schema: integer(60_000, 604_800_000), default: '21600000', expected: 'longest wait before a token whose metadata was not found is looked up again, in ms, 60000..604800000' },
  TOKEN_METADATA_RPC_TIMEOUT_MS: { schema: integer(100, 120_000), default: '5000', expected: 'time-out of one metadata RPC call, in ms, 100..120000' },
  ...INTELLIGENCE_VARIABLES,
} satisfies Record<string, VariableSpec>;

type Variables = typeof VARIABLES;
type Output<K extends keyof Variables> = Variables[K]['schema'] extends z.ZodType<infer O, string> ? O : never;
type HasDefault<K extends keyof Variables> = Variables[K] extends { default: string } ? K : never;

/** The validated configuration: variables with a default are always set, the others may be undefined. */
export type Config = {
  [K in keyof Variables as HasDefault<K>]: Output<K>;
} & {
  [K in keyof Variables as Exclude<K, HasDefault<keyof Variables>>]?: Output<K>;
};

/** Raised when the environment holds a bad value; its message is meant for the user as it is. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(VARIABLES) as [string, VariableSpec][]) {
    const raw = env[name] === '' ? undefined : env[name];
    const input = raw ?? spec.default;
    if (input === undefined) continue;
    const parsed = spec.schema.safeParse(input);
    if (parsed.success) {
      values[name] = parsed.data;
      continue;
    }
    const reason = parsed.error.issues[0]?.message ?? 'invalid';
    const shown = spec.secret ? '(value hidden: secret)' : JSON.stringify(input);
    problems.push(`${name}: ${shown} is ${reason}; expected ${spec.expected}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Config;
}

/** Names of the variables whose values must never be logged. */
export const SECRET_VARIABLES: readonly string[] = Object.entries(VARIABLES as Record<string, VariableSpec>)
  .filter(([, spec]) => spec.secret === true)
  .map(([name]) => name);
