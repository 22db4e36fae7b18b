/**
 * Logging: one pino root logger per process, a child per component (`logger.child({ component })`).
 * Secrets are redacted by key wherever they appear in a logged object, and URLs are logged without
 * their credentials (`redactUrl`).
 */
import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/** Object keys whose values never reach a log line. */
export const REDACTED_KEYS = [
  'password',
  'token',
  'xToken',
  'x-token',
  'apiKey',
  'api_key',
  'authorization',
  'databaseUrl',
  'redisUrl',
  'rpcUrl',
  'DATABASE_URL',
  'REDIS_URL',
  'RPC_URL',
  'GRPC_X_TOKEN',
  'TWEETSCOUT_API_KEY',
  'TELEGRAM_BOT_TOKEN',
] as const;

/** Creates the root logger. Pass a destination in tests to capture output. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`].map(quotePath));
  const options = {
    level,
    base: { service: 'megatron' },
    redact: { paths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

function quotePath(path: string): string {
  return path
    .split('.')
    .map((part) => (/^[A-Za-z_*][A-Za-z0-9_]*$/.test(part) ? part : `["${part}"]`))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Returns the URL with user and password removed, for logs and health output. */
export function redactUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    if (url.username || url.password) {
      url.username = url.username ? '***' : '';
      url.password = url.password ? '***' : '';
    }
    url.search = url.search ? '?***' : '';
    return url.toString();
  } catch {
    return '[unparseable url]';
  }
}
