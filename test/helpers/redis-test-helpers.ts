/**
 * Helpers for the Redis sink tests: a direct client to look at what the sink wrote, key clean-up by
 * prefix, a private redis-server child process that a test can kill and restart, and update factories.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { PriceUpdate } from '../../src/contracts/cache-batch.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const silentLogger = pino({ level: 'silent' });

/** Deletes every key under `prefix`. */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Polls `check` every 25 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** A free TCP port on 127.0.0.1 (listen on 0, read it, close). */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Starts a throw-away redis-server (no persistence) on `port`; resolves once it answers PING. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, retryStrategy: () => null });
  probe.on('error', () => undefined); // refused until the server listens: expected while polling
  try {
    await waitFor(async () => {
      try {
        if (probe.status !== 'ready') await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        probe.disconnect();
        return false;
      }
    }, 5_000);
  } finally {
    probe.disconnect();
  }
  return child;
}

/** Kills a redis-server child (SIGKILL: no goodbye to clients) and waits for it to exit. */
export async function killRedisServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** A price update with sensible defaults. */
export function makePrice(tokenId: string, over: Partial<PriceUpdate> = {}): PriceUpdate {
  return {
    tokenId,
    mint: `mint-${tokenId}`,
    price: '0.000000028123456789',
    slot: 100n,
    txIndex: 3,
    eventIndex: 1,
    blockTime: 1_738_000_000,
    volume1hQuote: '12.5',
    change1hPct: 4.25,
    lastTradeTime: '2025-01-27T17:46:40.000Z',
    ...over,
  };
}

/** Reads a JSON key through the direct client. */
export async function readJson(client: Redis, key: string): Promise<unknown> {
  const text = await client.get(key);
  return text === null ? null : (JSON.parse(text) as unknown);
}
