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
  STREAM_START_SLOT: { schema: z.string().regex(/^\d{1,20}$/, 'not a slot number').transform((v) => BigInt(v)), expected: 'the slot to start from when the stream has no checkpoint yet (unset = the live head)' },
  RPC_URL: { schema: urlWithScheme(['http', 'https']), default: 'https://api.mainnet-beta.solana.com', expected: 'an http(s) URL of a Solana JSON-RPC endpoint', secret: true },
  RPC_REQUESTS_PER_SECOND: { schema: integer(1, 10_000), default: '10', expected: 'requests per second allowed to RPC, 1..10000' },
  LOG_LEVEL: { schema: z.enum(LOG_LEVELS, { message: 'not an accepted value' }), default: 'info', expected: `one of ${LOG_LEVELS.join(', ')}` },
  BATCH_MAX_ROWS: { schema: integer(1, 200_000), default: '5000', expected: 'rows per database batch, 1..200000' },
  BATCH_FLUSH_INTERVAL_MS: { schema: integer(1, 60_000), default: '100', expected: 'longest wait before a partial batch is written, in ms, 1..60000' },
  QUEUE_MAX_ITEMS: { schema: integer(10, 1_000_000), default: '20000', expected: 'bound of the stream-to-pipeline queue, 10..1000000' },
  PG_POOL_MAX: { schema: integer(2, 100), default: '4', expected: 'PostgreSQL connections, 2..100' },
  HTTP_PORT: { schema: integer(0, 65_535), default: '9090', expected: 'a TCP port 0..65535 (0 picks a free one)' },
  HTTP_HOST: { schema: z.string().min(1, 'empty'), default: '0.0.0.0', expected: 'an interface address such as 0.0.0.0 or 127.0.0.1' },
  CANDLE_REFRESH_INTERVAL_MS: { schema: integer(50, 600_000), default: '1000', expected: 'how often touched 1m/5m candle buckets are recomputed from the trades, in ms, 50..600000' },
  REFRESH_AGGREGATES_INTERVAL_MS: { schema: integer(1_000, 86_400_000), default: '60000', expected: 'how often the service refreshes the 1h/1d views on plain PostgreSQL, in ms' },
  SYSTEM_METRICS_INTERVAL_MS: { schema: integer(1_000, 3_600_000), default: '60000', expected: 'how often a system_metrics row is written, in ms' },
  DEMO_TRADES_PER_SECOND: { schema: integer(1, 100_000), default: '200', expected: 'trade rate of the synthetic market in `npm run demo`' },
  DEMO_DURATION_SECONDS: { schema: integer(0, 86_400), default: '0', expected: 'seconds the demo runs before stopping (0 = until Ctrl-C)' },
  SHUTDOWN_TIMEOUT_MS: { schema: integer(100, 600_000), default: '15000', expected: 'how long a graceful shutdown may take before the process exits anyway' },
  HOLDERS_ENABLED: { schema: boolean, default: 'true', expected: 'true or false' },
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
