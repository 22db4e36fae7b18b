import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, SECRET_VARIABLES, VARIABLES, loadConfig } from '../../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected loadConfig to reject');
}

describe('loadConfig', () => {
  it('applies every default on an empty environment', () => {
    expect(loadConfig({})).toEqual({
      REDIS_KEY_PREFIX: '',
      REDIS_CHANNEL: 'megatron:events',
      GRPC_ENDPOINT: 'http://127.0.0.1:10000',
      GRPC_COMMITMENT: 'confirmed',
      GRPC_PING_INTERVAL_MS: 15000,
      GRPC_RECONNECT_MAX_DELAY_MS: 30000,
      STREAM_NAME: 'mainnet',
      RPC_URL: 'https://api.mainnet-beta.solana.com',
      RPC_REQUESTS_PER_SECOND: 10,
      LOG_LEVEL: 'info',
      BATCH_MAX_ROWS: 5000,
      BATCH_FLUSH_INTERVAL_MS: 100,
      QUEUE_MAX_ITEMS: 20000,
      PG_POOL_MAX: 4,
      HTTP_PORT: 9090,
      HTTP_HOST: '0.0.0.0',
      CANDLE_REFRESH_INTERVAL_MS: 1000,
      REFRESH_AGGREGATES_INTERVAL_MS: 60000,
      SYSTEM_METRICS_INTERVAL_MS: 60000,
      DEMO_TRADES_PER_SECOND: 200,
      DEMO_DURATION_SECONDS: 0,
      SHUTDOWN_TIMEOUT_MS: 15000,
      HOLDERS_ENABLED: true,
    });
  });

  it('accepts good values of every kind and converts them', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/megatron',
      REDIS_URL: 'rediss://cache:6380',
      GRPC_ENDPOINT: 'https://grpc.example.com:443',
      GRPC_X_TOKEN: 'tok',
      GRPC_COMMITMENT: 'finalized',
      RPC_URL: 'http://127.0.0.1:8899',
      LOG_LEVEL: 'debug',
      BATCH_MAX_ROWS: '10000',
      BATCH_FLUSH_INTERVAL_MS: '50',
      HTTP_PORT: '0',
      HOLDERS_ENABLED: 'false',
      STREAM_NAME: 'eu-1',
    });
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://u:p@db:5432/megatron',
      REDIS_URL: 'rediss://cache:6380',
      GRPC_ENDPOINT: 'https://grpc.example.com:443',
      GRPC_X_TOKEN: 'tok',
      GRPC_COMMITMENT: 'finalized',
      RPC_URL: 'http://127.0.0.1:8899',
      LOG_LEVEL: 'debug',
      BATCH_MAX_ROWS: 10000,
      BATCH_FLUSH_INTERVAL_MS: 50,
      HTTP_PORT: 0,
      HOLDERS_ENABLED: false,
      STREAM_NAME: 'eu-1',
    });
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ REDIS_URL: '', GRPC_COMMITMENT: '' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.GRPC_COMMITMENT).toBe('confirmed');
  });

  it.each([
    ['GRPC_COMMITMENT', 'fast', 'GRPC_COMMITMENT: "fast" is not an accepted value; expected one of processed, confirmed, finalized'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL: "loud" is not an accepted value; expected one of fatal, error, warn, info, debug, trace, silent'],
    ['HTTP_PORT', '70000', 'HTTP_PORT: "70000" is above 65535; expected a TCP port 0..65535 (0 picks a free one)'],
    ['HTTP_PORT', 'eighty', 'HTTP_PORT: "eighty" is not a whole number; expected a TCP port 0..65535 (0 picks a free one)'],
    ['BATCH_MAX_ROWS', '0', 'BATCH_MAX_ROWS: "0" is below 1; expected rows per database batch, 1..200000'],
    ['BATCH_FLUSH_INTERVAL_MS', '1.5', 'BATCH_FLUSH_INTERVAL_MS: "1.5" is not a whole number; expected longest wait before a partial batch is written, in ms, 1..60000'],
    ['GRPC_ENDPOINT', 'grpc.example.com:443', 'GRPC_ENDPOINT: "grpc.example.com:443" is not a valid URL with an accepted scheme; expected an http:// or https:// URL of a Yellowstone gRPC endpoint'],
    ['STREAM_NAME', 'Main Net', 'STREAM_NAME: "Main Net" is not 1-40 of a-z, 0-9, _ or -; expected a short name for this stream\'s checkpoint, e.g. mainnet'],
    ['HOLDERS_ENABLED', 'yes', 'HOLDERS_ENABLED: "yes" is not a boolean; expected true or false'],
    ['QUEUE_MAX_ITEMS', '5', 'QUEUE_MAX_ITEMS: "5" is below 10; expected bound of the stream-to-pipeline queue, 10..1000000'],
  ])('rejects %s=%s with a message naming the variable and what is expected', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([message]);
  });

  it('never echoes a secret in the message', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://admin:hunter2@db/x',
      REDIS_URL: 'http://:s3cret@cache',
      RPC_URL: 'ftp://key-abc@rpc',
    });
    expect(problems).toEqual([
      'DATABASE_URL: (value hidden: secret) is not a valid URL with an accepted scheme; expected a postgres:// URL, e.g. postgres://user:pass@host:5432/megatron',
      'REDIS_URL: (value hidden: secret) is not a valid URL with an accepted scheme; expected a redis:// or rediss:// URL (leave empty to run without Redis)',
      'RPC_URL: (value hidden: secret) is not a valid URL with an accepted scheme; expected an http(s) URL of a Solana JSON-RPC endpoint',
    ]);
    expect(problems.join('\n')).not.toMatch(/hunter2|s3cret|key-abc/);
  });

  it('reports every bad variable at once in one error', () => {
    expect(() => loadConfig({ HTTP_PORT: '-1', LOG_LEVEL: 'x' })).toThrowError(
      /^Invalid configuration:\n {2}- LOG_LEVEL: .*\n {2}- HTTP_PORT: /,
    );
  });

  it('marks the credentials-bearing variables as secrets', () => {
    expect([...SECRET_VARIABLES].sort()).toEqual(['DATABASE_URL', 'GRPC_X_TOKEN', 'REDIS_URL', 'RPC_URL']);
  });
});

describe('.env.example', () => {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
  const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);

  it('documents exactly the variables the schema reads, each with a comment', () => {
    expect([...documented].sort()).toEqual(Object.keys(VARIABLES).sort());
    for (const name of documented) {
      const before = text.slice(0, text.indexOf(`\n${name}=`));
      expect(before.trimEnd().split('\n').pop(), name).toMatch(/^#/);
    }
  });

  it('holds only values the schema accepts', () => {
    const env = Object.fromEntries([...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
