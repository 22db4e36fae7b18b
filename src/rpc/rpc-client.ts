/**
 * Solana JSON-RPC access for backfill, all through one rate-limited `fetch`:
 * - a web3.js `Connection` (typed calls such as getSignaturesForAddress);
 * - raw calls returning the JSON result untouched (getTransaction, getBlock), because the decoders'
 *   normalisers read the RPC's JSON shape, not web3.js's parsed objects.
 */
import { Connection } from '@solana/web3.js';
import { createRateLimitedFetch, createTokenBucket, type RateLimiter } from './rate-limiter.js';

/** A JSON-RPC error answer (code and message as the node sent them). */
export class RpcError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
    this.name = 'RpcError';
  }
}

export interface RpcClient {
  connection: Connection;
  /** Calls `method` and returns the `result` field as parsed JSON; throws `RpcError` on an error answer. */
  callRaw(method: string, params: unknown[]): Promise<unknown>;
  /** Number of HTTP 429 answers received (each one paused the limiter). */
  readonly rateLimited: number;
  readonly limiter: RateLimiter;
}

export interface RpcClientOptions {
  rpcUrl: string;
  requestsPerSecond: number;
  limiter?: RateLimiter;
  fetchImpl?: typeof fetch;
}

/** Creates the client; every request (web3.js or raw) takes a token from the same bucket. */
export function createRpcClient(options: RpcClientOptions): RpcClient {
  const limiter = options.limiter ?? createTokenBucket({ requestsPerSecond: options.requestsPerSecond });
  let rateLimited = 0;
  const limitedFetch = createRateLimitedFetch(limiter, { fetchImpl: options.fetchImpl, onRateLimited: () => (rateLimited += 1) });
  const connection = new Connection(options.rpcUrl, {
    commitment: 'confirmed',
    fetch: limitedFetch as unknown as ConstructorParameters<typeof Connection>[1] extends infer C ? (C extends { fetch?: infer F } ? F : never) : never,
    disableRetryOnRateLimit: true,
  });
  let nextId = 1;
  async function callRaw(method: string, params: unknown[]): Promise<unknown> {
    const id = nextId++;
    const response = await limitedFetch(options.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
    });
    if (!response.ok) throw new RpcError(response.status, `${method}: HTTP ${response.status}`);
    const body = (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
    if (body.error) throw new RpcError(body.error.code, `${method}: ${body.error.message}`);
    return body.result ?? null;
  }
  return {
    connection,
    callRaw,
    get rateLimited() {
      return rateLimited;
    },
    limiter,
  };
}
