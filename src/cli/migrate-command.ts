/**
 * `megatron migrate [up|down|redo] [--count N]`: runs the SQL migrations with node-pg-migrate.
 * `up` applies everything pending (a no-op on an up-to-date database); `down` reverts the last
 * migration, or N of them, or all with `--count all`; `redo` reverts and re-applies the last N.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { FatalError } from '../shared/errors.js';
import { runMigrations } from '../postgres/migrate.js';

const DIRECTIONS = ['up', 'down', 'redo'] as const;

export const migrateCommand: Command = {
  summary: 'apply (up), revert (down) or redo the database migrations',
  usage: 'megatron migrate [up|down|redo] [--count N|all]',
  async run(args, { config, logger }) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { count: { type: 'string' } },
    });
    const direction = (positionals[0] ?? 'up') as (typeof DIRECTIONS)[number];
    if (!DIRECTIONS.includes(direction)) {
      throw new FatalError(`unknown migrate direction "${direction}"`, `Use one of: ${DIRECTIONS.join(', ')}.`);
    }
    if (!config.DATABASE_URL) {
      throw new FatalError('DATABASE_URL is not set', 'Set DATABASE_URL to the PostgreSQL database to migrate.');
    }
    const count = parseCount(values.count, direction);
    const log = (msg: string): void => logger.info({ component: 'migrate' }, msg);
    const databaseUrl = config.DATABASE_URL;
    if (direction === 'redo') {
      await runMigrations({ databaseUrl, direction: 'down', count, log });
      await runMigrations({ databaseUrl, direction: 'up', count, log });
    } else {
      const applied = await runMigrations({ databaseUrl, direction, count, log });
      logger.info({ component: 'migrate', direction, migrations: applied.length }, applied.length ? 'migrations run' : 'nothing to migrate');
    }
    return 0;
  },
};

function parseCount(value: string | undefined, direction: string): number {
  if (value === undefined) return direction === 'up' ? Infinity : 1;
  if (value === 'all') return Infinity;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FatalError(`--count must be a positive whole number or "all", got "${value}"`);
  return n;
}
