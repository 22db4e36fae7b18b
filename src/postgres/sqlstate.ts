/**
 * Which database errors are worth retrying, by SQLSTATE (never by message text), and how long to
 * wait first. Everything in class 22 (data exception) and 23 (integrity constraint violation) is a
 * rejected row: it goes to quarantine, and retrying would fail again.
 */
const RETRY_DELAYS_MS: Readonly<Record<string, number>> = {
  '40001': 50, // serialization_failure
  '40P01': 50, // deadlock_detected
  '55P03': 200, // lock_not_available
  '53300': 1_000, // too_many_connections
  '57P01': 1_000, // admin_shutdown
  '57P02': 1_000, // crash_shutdown
  '57P03': 1_000, // cannot_connect_now
  '08000': 1_000, // connection_exception
  '08001': 1_000, // sqlclient_unable_to_establish_sqlconnection
  '08003': 1_000, // connection_does_not_exist
  '08004': 1_000, // sqlserver_rejected_establishment_of_sqlconnection
  '08006': 1_000, // connection_failure
  '57014': 500, // query_canceled (statement timeout under load)
};

/** Node-level network errors that mean "the server went away", not "the data is bad". */
const RETRYABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Delay before retrying, or null when the error is not retryable. */
export function retryDelayMs(error: unknown): number | null {
  const code = codeOf(error);
  if (code === undefined) {
    const message = error instanceof Error ? error.message : '';
    // pg reports a dropped socket without a code.
    return /Connection terminated|Client has encountered a connection error/.test(message) ? 1_000 : null;
  }
  return RETRY_DELAYS_MS[code] ?? (RETRYABLE_NODE_CODES.has(code) ? 1_000 : null);
}

/** True for errors caused by the rows themselves (bad values, constraint violations). */
export function isRowRejection(error: unknown): boolean {
  const code = codeOf(error);
  return code !== undefined && (code.startsWith('22') || code.startsWith('23'));
}
