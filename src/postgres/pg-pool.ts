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
  return pool;
}

/** Runs `work` inside one database transaction on one client; rolls back when it throws. */
export async function withTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
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
