/**
 * Names for every token: a periodic job (TOKEN_METADATA_INTERVAL_MS) over the tokens that still lack a name,
 * decimals or quote decimals, which are mostly tokens first seen through a trade (created before ingestion
 * started, or on a venue whose create we do not see). Ingestion never waits for it: the pipeline stores such
 * tokens (and their trades' raw amounts) at once, and this job fills in what RPC says.
 *
 * One run:
 *  1. up to TOKEN_METADATA_MAX_TOKENS_PER_RUN candidates, newest trade first, skipping those whose last read
 *     was complete or whose back-off has not run out (postgres/token-metadata-repository.ts);
 *  2. one getMultipleAccounts over their mints and the quote mints without decimals (token-metadata-rpc.ts:
 *     rate limited, timed out, retried with the shared back-off): decimals, token program (the owner) and,
 *     for Token-2022 mints, the metadata extension;
 *  3. one getMultipleAccounts over the Metaplex metadata PDAs of those still without a name;
 *  4. writes what was found into the tokens' empty fields (the uri into metadata.uri, where the social job
 *     reads it), the quote decimals, and a read record per token: 'complete' ones are never read again,
 *     others are retried after a back-off doubling per attempt up to TOKEN_METADATA_RETRY_MAX_MS;
 *  5. fills the normalised amounts and prices of trades stored while their decimals were unknown, and marks
 *     their candle buckets for recomputation.
 * Caches: a quote mint's decimals never change, so they are kept in memory once read; everything else is
 * cached in PostgreSQL (a token with a name is no candidate).
 */
import type { Config } from '../../config.js';
import type { PgPool, Queryable } from '../../postgres/pg-pool.js';
import {
  applyQuoteDecimals, applyTokenMetadata, fillTradeAmounts, listTokensMissingMetadata, listUnscaledTrades, recordTokenMetadataReads,
  type ScaledTrade, type TokenMetadataRead, type TokenMetadataUpdate, type TokenMissingMetadata, type UnscaledTrade,
} from '../../postgres/token-metadata-repository.js';
import { createRpcClient } from '../../rpc/rpc-client.js';
import { computeBackoffDelayMs } from '../../shared/backoff.js';
import { describeError } from '../../shared/errors.js';
import { MINUTE } from '../../shared/time.js';
import { priceQuotePerToken, scaleAmount } from '../../pipeline/decimal.js';
import { metaplexMetadataAddress } from '../tokens/metaplex-metadata.js';
import { readMetaplexTexts, readMintDecimals, readMintSide, type MetadataSource, type MintSide } from '../tokens/resolve-token-metadata.js';
import type { TokenMetadataText } from '../tokens/metadata-text.js';
import { createPeriodicJob, type JobLogger, type PeriodicJob } from './periodic-job.js';
import { createAccountsReader, type AccountsReader, type AccountsRpc } from './token-metadata-rpc.js';

/** First retry of a token whose read found nothing (doubles per attempt, up to the configured maximum). */
const RETRY_INITIAL_MS = MINUTE;
/** Trades filled per run: rows stored while decimals were unknown are few; a backlog drains over runs. */
const FILL_TRADES_PER_RUN = 5_000;
const QUOTE_CACHE_MAX_ENTRIES = 10_000;

export interface TokenMetadataRunDeps {
  db: Queryable;
  reader: AccountsReader;
  maxTokensPerRun: number;
  retryMaxMs: number;
  /** Uniform [0, 1) for the back-off jitter; injectable for tests. */
  random?: () => number;
}

export interface TokenMetadataRunResult {
  candidates: number;
  named: number;
  complete: number;
  failed: number;
  tradesFilled: number;
}

/** What one token's read found. */
interface Found {
  mintSide: MintSide;
  texts: TokenMetadataText | null;
  source: MetadataSource | null;
}

export interface TokenMetadataRun {
  run(now: Date): Promise<TokenMetadataRunResult>;
}

export function createTokenMetadataRun(deps: TokenMetadataRunDeps): TokenMetadataRun {
  const quoteDecimals = new Map<string, number>();

  function retryAt(now: Date, attempts: number): Date {
    const delay = computeBackoffDelayMs(attempts, { initialDelayMs: RETRY_INITIAL_MS, maxDelayMs: deps.retryMaxMs, random: deps.random });
    return new Date(now.getTime() + delay);
  }

  async function readAll(candidates: readonly TokenMissingMetadata[]): Promise<{ found: Map<string, Found>; slot: bigint | null; quotes: Map<string, number> }> {
    const quoteMints = [...new Set(candidates.flatMap((c) => (c.quoteDecimals === null && c.quoteMint !== null && !quoteDecimals.has(c.quoteMint) ? [c.quoteMint] : [])))];
    const first = await deps.reader.readAccounts([...candidates.map((c) => c.mint), ...quoteMints]);
    const found = new Map<string, Found>();
    const pdas = new Map<string, string>();
    for (const c of candidates) {
      const mintSide = readMintSide(c.mint, first.accounts.get(c.mint) ?? null);
      found.set(c.tokenId, { mintSide, texts: mintSide.texts, source: mintSide.texts ? 'token_2022' : null });
      if (c.needsName && mintSide.texts === null && mintSide.problem === null) pdas.set(c.tokenId, metaplexMetadataAddress(c.mint));
    }
    const quotes = new Map<string, number>();
    for (const mint of quoteMints) {
      const decimals = readMintDecimals(first.accounts.get(mint) ?? null);
      if (decimals !== null) quotes.set(mint, decimals);
    }
    let slot = first.slot;
    if (pdas.size > 0) {
      const second = await deps.reader.readAccounts([...pdas.values()]);
      if (second.slot !== null && (slot === null || second.slot < slot)) slot = second.slot;
      for (const c of candidates) {
        const pda = pdas.get(c.tokenId);
        const texts = pda === undefined ? null : readMetaplexTexts(c.mint, second.accounts.get(pda) ?? null);
        if (texts !== null) found.set(c.tokenId, { ...(found.get(c.tokenId) as Found), texts, source: 'metaplex' });
      }
    }
    return { found, slot, quotes };
  }

  function recordOf(c: TokenMissingMetadata, f: Found, quoteKnown: boolean, now: Date, slot: bigint | null): TokenMetadataRead {
    const decimalsKnown = c.decimals !== null || f.mintSide.decimals !== null;
    const named = !c.needsName || f.texts !== null;
    const missing = [!decimalsKnown && 'decimals', !named && 'name', !quoteKnown && 'quote decimals'].filter(Boolean);
    const error = f.mintSide.problem ?? (missing.length > 0 ? `not found: ${missing.join(', ')}` : null);
    const complete = decimalsKnown && named && quoteKnown;
    return {
      tokenId: c.tokenId, outcome: complete ? 'complete' : 'incomplete', source: f.source, attemptedAt: now,
      nextAttemptAt: complete ? null : retryAt(now, c.attempts), slot, error,
    };
  }

  async function fillTrades(): Promise<number> {
    const trades = await listUnscaledTrades(deps.db, FILL_TRADES_PER_RUN);
    await fillTradeAmounts(deps.db, trades.map(scaledTrade));
    return trades.length;
  }

  return {
    async run(now) {
      const candidates = await listTokensMissingMetadata(deps.db, now, deps.maxTokensPerRun);
      const result: TokenMetadataRunResult = { candidates: candidates.length, named: 0, complete: 0, failed: 0, tradesFilled: 0 };
      if (candidates.length > 0) {
        let reading: Awaited<ReturnType<typeof readAll>>;
        try {
          reading = await readAll(candidates);
        } catch (error) {
          const reason = `rpc: ${describeError(error)}`;
          await recordTokenMetadataReads(deps.db, candidates.map((c) => ({ tokenId: c.tokenId, outcome: 'failed', source: null, attemptedAt: now, nextAttemptAt: retryAt(now, c.attempts), slot: null, error: reason })));
          result.failed = candidates.length;
          result.tradesFilled = await fillTrades();
          return result;
        }
        for (const [mint, decimals] of reading.quotes) {
          if (quoteDecimals.size >= QUOTE_CACHE_MAX_ENTRIES) quoteDecimals.delete(quoteDecimals.keys().next().value as string);
          quoteDecimals.set(mint, decimals);
        }
        const updates: TokenMetadataUpdate[] = [];
        const records: TokenMetadataRead[] = [];
        for (const c of candidates) {
          const f = reading.found.get(c.tokenId) as Found;
          const quoteKnown = c.quoteDecimals !== null || (c.quoteMint !== null && quoteDecimals.has(c.quoteMint));
          updates.push({
            tokenId: c.tokenId, name: f.texts?.name ?? null, symbol: f.texts?.symbol ?? null, uri: f.texts?.uri ?? null,
            decimals: f.mintSide.decimals, tokenProgram: f.mintSide.tokenProgram, source: f.source,
          });
          const record = recordOf(c, f, quoteKnown, now, reading.slot);
          records.push(record);
          if (f.texts !== null) result.named += 1;
          if (record.outcome === 'complete') result.complete += 1;
        }
        const quotes = [...new Set(candidates.flatMap((c) => (c.quoteDecimals === null && c.quoteMint !== null ? [c.quoteMint] : [])))]
          .flatMap((mint) => (quoteDecimals.has(mint) ? [{ mint, decimals: quoteDecimals.get(mint) as number }] : []));
        await applyTokenMetadata(deps.db, updates);
        await applyQuoteDecimals(deps.db, quotes);
        await recordTokenMetadataReads(deps.db, records);
      }
      result.tradesFilled = await fillTrades();
      return result;
    },
  };
}

/**
 * The normalised amounts of a trade, computed as the pipeline computes them for a new trade
 * (pipeline/trade-rows.ts): buy = quote in, tokens out; sell = tokens in, quote out.
 */
export function scaledTrade(t: UnscaledTrade): ScaledTrade {
  const isBuy = t.type === 'buy';
  const quote = isBuy ? t.amountIn : t.amountOut;
  const tokens = isBuy ? t.amountOut : t.amountIn;
  return {
    signature: t.signature, ixIndex: t.ixIndex, innerIxIndex: t.innerIxIndex, blockTime: t.blockTime,
    amountInDecimals: isBuy ? t.quoteDecimals : t.decimals, amountOutDecimals: isBuy ? t.decimals : t.quoteDecimals,
    solAmount: scaleAmount(quote, t.quoteDecimals), tokenAmount: scaleAmount(tokens, t.decimals),
    priceQuotePerToken: priceQuotePerToken(quote, tokens, t.quoteDecimals, t.decimals),
  };
}

export interface TokenMetadataJobDeps {
  pool: PgPool;
  config: Config;
  logger: JobLogger;
  /** Injected for tests; default: a client over RPC_URL at RPC_REQUESTS_PER_SECOND (its own token bucket). */
  rpc?: AccountsRpc;
}

/** The service's job; `stop()` also ends a retry wait in progress. Null when TOKEN_METADATA_ENABLED=false. */
export function createTokenMetadataJob(deps: TokenMetadataJobDeps): PeriodicJob | null {
  const { config, logger } = deps;
  if (!config.TOKEN_METADATA_ENABLED) return null;
  const abort = new AbortController();
  const rpc = deps.rpc ?? createRpcClient({ rpcUrl: config.RPC_URL, requestsPerSecond: config.RPC_REQUESTS_PER_SECOND });
  const reader = createAccountsReader({ rpc, timeoutMs: config.TOKEN_METADATA_RPC_TIMEOUT_MS, signal: abort.signal });
  const run = createTokenMetadataRun({ db: deps.pool, reader, maxTokensPerRun: config.TOKEN_METADATA_MAX_TOKENS_PER_RUN, retryMaxMs: config.TOKEN_METADATA_RETRY_MAX_MS });
  const job = createPeriodicJob('token-metadata', config.TOKEN_METADATA_INTERVAL_MS, async () => {
    const result = await run.run(new Date());
    if (result.candidates > 0 || result.tradesFilled > 0) logger.info({ job: 'token-metadata', ...result }, 'token metadata read');
  }, logger);
  return {
    start: () => job.start(),
    stop: async () => {
      abort.abort();
      await job.stop();
    },
    runNow: () => job.runNow(),
    get runs() {
      return job.runs;
    },
    get failures() {
      return job.failures;
    },
  };
}
