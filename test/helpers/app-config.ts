/** A validated configuration for in-process app tests: quiet logs, ephemeral HTTP port, small batches. */
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/shared/logger.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'warn',
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    BATCH_MAX_ROWS: '500',
    BATCH_FLUSH_INTERVAL_MS: '20',
    STREAM_NAME: 'test',
    ...overrides,
  });
}

export function testLogger(level = 'warn'): Logger {
  return createLogger(level);
}
