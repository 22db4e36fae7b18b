/**
 * `megatron holders --mint M [--no-reconcile]`: reconciles the token's balances from RPC now (RPC_URL),
 * takes a holder snapshot, refreshes its top holders, and prints the snapshot and the top holders as
 * one JSON object. Exit 1 when the mint is not a tracked token.
 */
import { parseArgs } from 'node:util';
import type { Command } from './command.js';
import { FatalError } from '../shared/errors.js';
import { createPgPool } from '../postgres/pg-pool.js';
import { toJson } from '../postgres/sql-values.js';
import { createHolderAccountsReader } from '../analytics/jobs/holder-accounts-rpc.js';
import { readHolderSettings } from '../analytics/jobs/settings-from-config.js';
import { reconcileToken } from '../analytics/jobs/reconcile-holders.js';
import { snapshotToken } from '../analytics/jobs/snapshot-holders.js';

export const holdersCommand: Command = {
  summary: 'reconcile a token\'s holder balances from RPC now and print its holder snapshot and top holders',
  usage: 'megatron holders --mint <mint> [--no-reconcile]',
  async run(args, { config, stdout, stderr }) {
    const { values } = parseArgs({ args, options: { mint: { type: 'string' }, 'no-reconcile': { type: 'boolean' } } });
    if (!values.mint) throw new FatalError('--mint is required', `Usage: ${holdersCommand.usage}`);
    if (!config.DATABASE_URL) throw new FatalError('DATABASE_URL is not set', 'Set DATABASE_URL to the PostgreSQL database Megatron writes.');
    const pool = createPgPool({ connectionString: config.DATABASE_URL, max: 2 });
    try {
      let reconciliation = null;
      if (!values['no-reconcile']) {
        const reader = createHolderAccountsReader({ rpcUrl: config.RPC_URL, requestsPerSecond: config.RPC_REQUESTS_PER_SECOND });
        reconciliation = await reconcileToken(pool, reader, values.mint);
      }
      const result = await snapshotToken(pool, values.mint, readHolderSettings(config));
      if (!result) {
        stderr.write(`megatron holders: ${values.mint} is not a tracked token (not in the tokens table)\n`);
        return 1;
      }
      stdout.write(`${toJson({ mint: result.token.mint, reconciliation, snapshot: result.snapshot, topHolders: result.topHolders })}\n`);
      return 0;
    } finally {
      await pool.end();
    }
  },
};
