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
      STREAM_SILENCE_SECONDS: 60,
      RPC_URL: 'https://api.mainnet-beta.solana.com',
      RPC_REQUESTS_PER_SECOND: 10,
      LOG_LEVEL: 'info',
      BATCH_MAX_ROWS: 10000,
      BATCH_FLUSH_INTERVAL_MS: 100,
      QUEUE_MAX_ITEMS: 20000,
      PG_POOL_MAX: 4,
      HTTP_PORT: 9090,
      HTTP_HOST: '0.0.0.0',
      CANDLE_REFRESH_INTERVAL_MS: 1000,
      CANDLE_5M_REFRESH_INTERVAL_MS: 5000,
      REFRESH_AGGREGATES_INTERVAL_MS: 60000,
      SYSTEM_METRICS_INTERVAL_MS: 60000,
      DEMO_TRADES_PER_SECOND: 200,
      DEMO_DURATION_SECONDS: 0,
      SHUTDOWN_TIMEOUT_MS: 15000,
      HOLDERS_ENABLED: true,
      HOLDER_TOP_N: 100,
      HOLDER_SCHEDULER_INTERVAL_MS: 15000,
      HOLDER_SNAPSHOT_YOUNG_INTERVAL_MS: 60000,
      HOLDER_SNAPSHOT_INTERVAL_MS: 900000,
      HOLDER_YOUNG_TOKEN_MINUTES: 60,
      HOLDER_ACTIVE_MINUTES: 10,
      HOLDER_MAX_TOKENS_PER_RUN: 200,
      HOLDER_RECONCILE_INTERVAL_MS: 300000,
      HOLDER_RECONCILE_PROGRESS_PCT: 80,
      HOLDER_RECONCILE_MAX_TOKENS: 5,
      HOLDER_SNIPER_SLOTS: 2,
      HOLDER_BUNDLE_MIN_WALLETS: 3,
      HOLDER_BUNDLE_WINDOW_SLOTS: 10,
      HOLDER_WHALE_PERCENT: 2,
      HOLDER_BOT_MIN_TRADES: 5,
      HOLDER_BOT_MAX_GAP_SLOTS: 2,
      HOLDER_BOT_MIN_TOKENS: 5,
      HOLDER_BOT_WINDOW_SECONDS: 10,
      TOKEN_METADATA_ENABLED: true,
      TOKEN_METADATA_INTERVAL_MS: 15000,
      TOKEN_METADATA_MAX_TOKENS_PER_RUN: 100,
      TOKEN_METADATA_RETRY_MAX_MS: 21600000,
      TOKEN_METADATA_RPC_TIMEOUT_MS: 5000,
      INTELLIGENCE_ENABLED: true,
      SCORING_INTERVAL_MS: 60000,
      SCORING_FAST_INTERVAL_MS: 15000,
      SCORING_ACTIVE_MINUTES: 60,
      SCORING_YOUNG_MINUTES: 30,
      SCORING_BUSY_TRADES_5M: 20,
      SCORE_LIQUIDITY_FULL_QUOTE: 85,
      SCORE_VOLUME_FULL_QUOTE_5M: 50,
      SCORE_HOLDERS_FULL: 300,
      RED_FLAG_CREATOR_MAX_PCT: 10,
      RED_FLAG_TOP10_MAX_PCT: 45,
      RED_FLAG_SNIPED_MAX_PCT: 20,
      RED_FLAG_CREATOR_SELL_MINUTES: 30,
      RED_FLAG_MIN_HOLDERS: 15,
      RED_FLAG_WASH_MAX_PCT: 40,
      RED_FLAG_DEAD_LAUNCHES: 3,
      SCORING_MINT_RPC: true,
      ML_SNAPSHOT_MINUTES: [5, 15, 30, 60],
      ML_RETRAIN_INTERVAL_MS: 86400000,
      ML_MIN_TRAINING_TOKENS: 200,
      ML_TRAINING_DAYS: 14,
      SIGNAL_BUY_MIN_SCORE: 550,
      SIGNAL_BUY_MIN_PROBABILITY: 0.3,
      SIGNAL_SELL_MAX_SCORE: 250,
      SIGNAL_TAKE_PROFIT_PCT: 100,
      SIGNAL_STOP_LOSS_PCT: 35,
      SIGNAL_MAX_HOLD_MINUTES: 120,
      SIGNAL_TRACK_INTERVAL_MS: 15000,
      SOCIAL_INTERVAL_MS: 300000,
      SOCIAL_FETCH_TIMEOUT_MS: 5000,
      SOCIAL_METADATA_MAX_BYTES: 262144,
      IPFS_GATEWAY_URL: 'https://ipfs.io/ipfs/',
      ARWEAVE_GATEWAY_URL: 'https://arweave.net/',
      TWEETSCOUT_API_URL: 'https://api.tweetscout.io/v2',
      TWEETSCOUT_REQUESTS_PER_MINUTE: 60,
      TELEGRAM_API_URL: 'https://api.telegram.org',
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
    ['SIGNAL_BUY_MIN_PROBABILITY', '1.5', 'SIGNAL_BUY_MIN_PROBABILITY: "1.5" is above 1; expected graduation probability (0..1) a buy signal needs'],
    ['ML_SNAPSHOT_MINUTES', '5;15', 'ML_SNAPSHOT_MINUTES: "5;15" is not a comma-separated list of whole numbers; expected minutes after launch at which the graduation model sees a token, e.g. 5,15,30,60'],
    ['QUEUE_MAX_ITEMS', '5', 'QUEUE_MAX_ITEMS: "5" is below 10; expected bound of the stream-to-pipeline queue, 10..1000000'],
    ['TOKEN_METADATA_RETRY_MAX_MS', '1000', 'TOKEN_METADATA_RETRY_MAX_MS: "1000" is below 60000; expected longest wait before a token whose metadata was not found is looked up again, in ms, 60000..604800000'],
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
    expect([...SECRET_VARIABLES].sort()).toEqual(['DATABASE_URL', 'GRPC_X_TOKEN', 'REDIS_URL', 'RPC_URL', 'SIGNAL_EXECUTION_TOKEN', 'TELEGRAM_BOT_TOKEN', 'TWEETSCOUT_API_KEY']);
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
