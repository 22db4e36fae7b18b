/**
 * The PostgreSQL connection pool. int8 columns come back as `bigint` (u64 end to end); numeric
 * columns stay strings (exact decimals).
 */
import pg from 'pg';

const INT8_OID = 20;
pg.types.setTypeParser(INT8_OID, (value: string) => BigInt(value));

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;
/** Anything that runs a query: the pool or one checked-out client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface PgPoolOptions {
  connectionString: string;
  max: number;
  applicationName?: string;
  /** Fail a statement after this long instead of hanging on a stalled server. */
  statementTimeoutMs?: number;
  /** Told about errors of idle connections (they are dropped from the pool, never fatal). */
  onIdleError?: (error: Error) => void;
  /** Told about a connection lost while checked out (its query fails and the client is discarded, never fatal). */
  onClientError?: (error: Error) => void;
}

export function createPgPool(options: PgPoolOptions): PgPool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    application_name: options.applicationName ?? 'megatron',
    statement_timeout: options.statementTimeoutMs ?? 120_000,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away (restart, failover, admin shutdown) emits 'error' on the
  // pool; without a listener Node would crash the process. The pool drops that client and the next
  // query opens a new one; queries in flight fail on their own and are retried by their callers.
  pool.on('error', (error) => options.onIdleError?.(error));
  // The same for a checked-out client between two of its statements (a batch's transaction while Node
  // builds the next statement): the pool listens only to idle clients, and an 'error' event without a
  // listener ends the process. The statement in flight or the next one fails instead, the transaction's
  // caller retries, and withTransaction discards the client.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      if (client.listenerCount('error') > 1) return; // idle: the pool's own listener reports it
      options.onClientError?.(error);
    });
  });
  return pool;
}

/** Runs `work` inside one database transaction on one client; rolls back when it throws. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      // A client that cannot even roll back (its connection is gone) must not go back to the pool.
      failure = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(failure);
  }
}

/** True when the server answers a trivial query. */
export async function pingDatabase(db: Queryable): Promise<boolean> {
  try {
    await db.query('select 1');
    return true;
  } catch {
    return false;
  }
}
