/**
 * Reads accounts for the token-metadata job: `getMultipleAccounts` (base64, at most 100 keys per call, as
 * nodes allow) through the RPC client it is given, which takes every request from the shared token bucket
 * (src/rpc/rate-limiter.ts; HTTP 429 Retry-After pauses every caller). A call that fails or does not answer
 * within `timeoutMs` is retried after the shared back-off (src/shared/backoff.ts) up to `retries` times; then
 * the error goes to the caller, which records the failure and tries the tokens again later.
 */
import { computeBackoffDelayMs } from '../../shared/backoff.js';
import { sleep, withTimeout } from '../../shared/time.js';

/** The one RPC call this needs (structurally satisfied by `createRpcClient(...)`). */
export interface AccountsRpc {
  callRaw(method: string, params: unknown[]): Promise<unknown>;
}

/** An account as read: its owning program and data. */
export interface RawAccount {
  owner: string;
  data: Uint8Array;
}

export interface AccountsReading {
  /** The lowest context slot of the calls (the reading is true at least as of it); null when none said. */
  slot: bigint | null;
  /** Keyed by address; an account that does not exist is absent. */
  accounts: Map<string, RawAccount>;
}

export interface AccountsReaderOptions {
  rpc: AccountsRpc;
  /** Give up on one call after this long (default 5 s). */
  timeoutMs?: number;
  /** Retries of a failed call (default 2). */
  retries?: number;
  /** First back-off ceiling, ms (default 250; doubles per retry, capped at 5 s). */
  backoffMs?: number;
  /** Ends waits early (shutdown): the pending retry is abandoned with the last error. */
  signal?: AbortSignal;
}

/** Keys per getMultipleAccounts call: the limit public nodes enforce. */
export const MAX_KEYS_PER_CALL = 100;

export interface AccountsReader {
  readAccounts(addresses: readonly string[]): Promise<AccountsReading>;
  /** Calls made (retries included). */
  readonly calls: number;
}

export function createAccountsReader(options: AccountsReaderOptions): AccountsReader {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const retries = options.retries ?? 2;
  let calls = 0;

  async function callOnce(keys: readonly string[]): Promise<MultipleAccountsAnswer> {
    calls += 1;
    const call = options.rpc.callRaw('getMultipleAccounts', [keys, { encoding: 'base64', commitment: 'confirmed' }]);
    const answer = await withTimeout(call, timeoutMs, () => new Error(`getMultipleAccounts: no answer within ${timeoutMs} ms`));
    if (!isAnswer(answer, keys.length)) throw new Error('getMultipleAccounts: the answer is not a list of accounts of the keys asked for');
    return answer;
  }

  async function callWithRetries(keys: readonly string[]): Promise<MultipleAccountsAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await callOnce(keys);
      } catch (error) {
        if (attempt >= retries || options.signal?.aborted) throw error;
        await sleep(computeBackoffDelayMs(attempt, { initialDelayMs: options.backoffMs ?? 250, maxDelayMs: 5_000 }), options.signal);
      }
    }
  }

  return {
    get calls() {
      return calls;
    },
    async readAccounts(addresses) {
      const unique = [...new Set(addresses)];
      const accounts = new Map<string, RawAccount>();
      let slot: bigint | null = null;
      for (let i = 0; i < unique.length; i += MAX_KEYS_PER_CALL) {
        const keys = unique.slice(i, i + MAX_KEYS_PER_CALL);
        const answer = await callWithRetries(keys);
        const at = typeof answer.context?.slot === 'number' ? BigInt(answer.context.slot) : null;
        if (at !== null && (slot === null || at < slot)) slot = at;
        answer.value.forEach((value, k) => {
          const data = value?.data?.[0];
          if (value && typeof data === 'string' && typeof value.owner === 'string') accounts.set(keys[k] as string, { owner: value.owner, data: Buffer.from(data, 'base64') });
        });
      }
      return { slot, accounts };
    },
  };
}

interface MultipleAccountsAnswer {
  context?: { slot?: number };
  value: Array<{ data?: [string, string]; owner?: string } | null>;
}

function isAnswer(answer: unknown, keys: number): answer is MultipleAccountsAnswer {
  const value = (answer as { value?: unknown } | null)?.value;
  return Array.isArray(value) && value.length === keys;
}
