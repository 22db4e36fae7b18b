/**
 * `fetch` with the limits every outside source gets: a time-out per attempt, a cap on the body size
 * (read as a stream and cut off, never buffered whole), and retries with growing delays on network
 * errors, HTTP 429 and 5xx (the shared jittered back-off). Other statuses are answers, not failures to retry.
 */
import { computeBackoffDelayMs } from '../../shared/backoff.js';
import { SECOND, sleep } from '../../shared/time.js';

const MAX_RETRY_DELAY_MS = 5 * SECOND;

export interface BoundedFetchOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Attempts after the first (default 2). */
  retries?: number;
  /** Ceiling of the first retry delay (default 250 ms); it doubles each time, up to 5 s (shared/backoff.ts). */
  retryDelayMs?: number;
  headers?: Record<string, string>;
  fetchImpl?: typeof fetch;
}

export type BoundedResponse = { ok: true; status: number; text: string } | { ok: false; status: number | null; reason: string };

export async function fetchBounded(url: string, options: BoundedFetchOptions): Promise<BoundedResponse> {
  const attempts = 1 + (options.retries ?? 2);
  let last: BoundedResponse = { ok: false, status: null, reason: 'not attempted' };
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(computeBackoffDelayMs(attempt - 1, { initialDelayMs: options.retryDelayMs ?? 250, maxDelayMs: MAX_RETRY_DELAY_MS }));
    last = await fetchOnce(url, options);
    if (last.ok || !isRetryable(last)) return last;
  }
  return last;
}

function isRetryable(response: BoundedResponse): boolean {
  return !response.ok && (response.status === null || response.status === 429 || response.status >= 500);
}

async function fetchOnce(url: string, options: BoundedFetchOptions): Promise<BoundedResponse> {
  try {
    const response = await (options.fetchImpl ?? fetch)(url, { headers: options.headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, status: response.status, reason: `HTTP ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, status: response.status, reason: `body of ${declared} bytes is over the ${options.maxBytes}-byte limit` };
    }
    const text = await readCapped(response, options.maxBytes);
    return text === null ? { ok: false, status: response.status, reason: `body over the ${options.maxBytes}-byte limit` } : { ok: true, status: response.status, text };
  } catch (error) {
    return { ok: false, status: null, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
