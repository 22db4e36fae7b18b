/**
 * Resolves the mint facts of tokens about to be scored: from the launch when the program fixes them,
 * else from token_mint_facts, else (at most `maxRpcReadsPerRun` per run) by reading the mint account
 * over RPC (getAccountInfo, base64) and parsing it ourselves; the answer is stored. A failed or skipped
 * read leaves the facts unknown (neutral contract score) and is retried on a later run.
 */
import { readMintFacts, upsertMintFacts } from '../../postgres/scores-repository.js';
import type { Queryable } from '../../postgres/pg-pool.js';
import { mintFactsFromAccount, mintFactsFromLaunch, UNKNOWN_MINT_FACTS } from '../scoring/mint-facts.js';
import type { MintFacts } from '../../contracts/scoring.js';
import { parseMintAccount } from '../scoring/mint-layout.js';
import { withTimeout } from '../../shared/time.js';

/** The one RPC call we need (structurally satisfied by `createRpcClient(...)`). */
export interface MintRpc {
  callRaw(method: string, params: unknown[]): Promise<unknown>;
}

export interface MintFactsReaderOptions {
  db: Queryable;
  rpc: MintRpc | null;
  maxRpcReadsPerRun?: number;
  /** Give up on one read after this long (default 5 s): a stalled RPC must not hold up a scoring run. */
  rpcTimeoutMs?: number;
  logger?: { warn(obj: object, msg?: string): void };
}

export interface TokenForMint {
  tokenId: string;
  mint: string;
  platform: string;
  tokenProgram: string | null;
}

export interface MintFactsReader {
  resolve(tokens: readonly TokenForMint[]): Promise<Map<string, MintFacts>>;
  readonly rpcReads: number;
}

export function createMintFactsReader(options: MintFactsReaderOptions): MintFactsReader {
  let rpcReads = 0;
  return {
    get rpcReads() {
      return rpcReads;
    },
    async resolve(tokens) {
      const out = new Map<string, MintFacts>();
      const pending: TokenForMint[] = [];
      for (const token of tokens) {
        const fromLaunch = mintFactsFromLaunch(token.platform, token.tokenProgram);
        if (fromLaunch) out.set(token.tokenId, fromLaunch);
        else pending.push(token);
      }
      const stored = await readMintFacts(options.db, pending.map((t) => t.tokenId));
      let budget = options.rpc ? (options.maxRpcReadsPerRun ?? 50) : 0;
      for (const token of pending) {
        const known = stored.get(token.tokenId);
        if (known) out.set(token.tokenId, known);
        else if (budget-- > 0) out.set(token.tokenId, await readOverRpc(token));
        else out.set(token.tokenId, UNKNOWN_MINT_FACTS);
      }
      return out;
    },
  };

  async function readOverRpc(token: TokenForMint): Promise<MintFacts> {
    try {
      rpcReads += 1;
      const call = options.rpc!.callRaw('getAccountInfo', [token.mint, { encoding: 'base64', commitment: 'confirmed' }]);
      const timeoutMs = options.rpcTimeoutMs ?? 5_000;
      const answer = (await withTimeout(call, timeoutMs, () => new Error(`no answer within ${timeoutMs} ms`))) as RpcAccountAnswer | null;
      const value = answer?.value;
      const data = value?.data?.[0];
      if (!value || typeof data !== 'string') return UNKNOWN_MINT_FACTS;
      const parsed = parseMintAccount(Buffer.from(data, 'base64'));
      if (!parsed) return UNKNOWN_MINT_FACTS;
      const facts = mintFactsFromAccount(parsed, value.owner);
      const slot = typeof answer?.context?.slot === 'number' ? BigInt(answer.context.slot) : null;
      await upsertMintFacts(options.db, token.tokenId, facts, new Date(), slot);
      return facts;
    } catch (error) {
      options.logger?.warn({ mint: token.mint, err: String(error) }, 'mint account read failed; contract score neutral until a later run');
      return UNKNOWN_MINT_FACTS;
    }
  }
}

interface RpcAccountAnswer {
  context?: { slot?: number };
  value: { data: [string, string]; owner: string } | null;
}
