/**
 * Start-up check of REDIS_URL: one connection of its own and a PING. Redis is a cache, so a Redis that
 * does not answer is not fatal (the sink connects when it comes back and the cache is rebuilt); but
 * credentials it refuses will never work, so they stop start-up with one line naming the cause and the
 * fix. The line names host and port, never the password.
 */
import { Redis } from 'ioredis';
import { FatalError, describeError } from '../shared/errors.js';

const CHECK_TIMEOUT_MS = 2_000;

export interface RedisCheckResult {
  /** False when Redis did not answer (not fatal: the service starts without the cache). */
  reachable: boolean;
  /** Why it did not answer, for the warning the caller logs. */
  error: string | null;
}

/** `host:port` of a redis:// URL (never the credentials). */
export function describeRedisTarget(redisUrl: string): string {
  try {
    const url = new URL(redisUrl);
    return `${url.hostname || '127.0.0.1'}:${url.port || '6379'}`;
  } catch {
    return '?';
  }
}

/**
 * Connects to REDIS_URL once and sends PING.
 * @throws FatalError when Redis refuses the credentials (WRONGPASS) or wants some (NOAUTH).
 */
export async function checkRedis(redisUrl: string): Promise<RedisCheckResult> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: CHECK_TIMEOUT_MS,
    commandTimeout: CHECK_TIMEOUT_MS,
    connectionName: 'megatron-startup-check',
  });
  // ioredis reports why a connection closed only as an 'error' event; connect() then rejects with "Connection is closed".
  let lastError: unknown = null;
  client.on('error', (error: unknown) => (lastError = error));
  try {
    await client.connect();
    await client.ping();
    return { reachable: true, error: null };
  } catch (error) {
    const reason = lastError ?? error;
    const refused = explainRedisAuthFailure(reason, describeRedisTarget(redisUrl));
    if (refused) throw refused;
    return { reachable: false, error: describeError(reason) };
  } finally {
    client.disconnect();
  }
}

/** The one-line error for credentials Redis refuses, or null for any other failure. */
export function explainRedisAuthFailure(error: unknown, target: string): FatalError | null {
  const message = describeError(error);
  if (/^WRONGPASS|^ERR invalid password/.test(message)) {
    return new FatalError(`Redis at ${target} rejected the password (WRONGPASS): fix the user or the password in REDIS_URL`, null, { cause: error });
  }
  if (/^NOAUTH/.test(message)) {
    return new FatalError(`Redis at ${target} requires a password (NOAUTH) and REDIS_URL has none: put it in REDIS_URL (redis://:password@host:port)`, null, { cause: error });
  }
  return null;
}
