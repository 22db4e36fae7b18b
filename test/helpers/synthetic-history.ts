/**
 * A synthetic launch history written straight into the database through the real batch writer, for the
 * scoring, model, signal and backtest tests and the scoring benchmark. Each launch has a hidden quality
 * q ∈ [0, 1] that drives what is observable (how many wallets buy early, whether the creator dumps) and
 * whether it graduates: P(graduate) = σ(−2.5 + 5q − 1.5 · creatorDumped). A model that reads the early
 * trades must therefore find "more early buyers → more likely" and "creator sold → less likely".
 */
import { createPrng, type Prng } from '../../src/simulate/prng.js';
import { buyOnCurve, createCurve, sellOnCurve, type CurveState, TOKEN_TOTAL_SUPPLY_RAW } from '../../src/simulate/bonding-curve.js';
import { poolIdOf, tokenIdOf } from '../../src/pipeline/ids.js';
import { priceQuotePerToken, priceRawPerRaw, scaleAmount } from '../../src/pipeline/decimal.js';
import { emptyBatch, type Batch, type TradeRow } from '../../src/contracts/rows.js';
import { TOKEN_PROGRAM_ID } from '../../src/contracts/programs.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const PUMP = '6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P';

export interface SyntheticLaunch {
  batch: Batch;
  tokenId: string;
  quality: number;
  creatorDumped: boolean;
  graduated: boolean;
  creationTime: Date;
}

export interface HistoryOptions {
  seed: number;
  launches: number;
  /** Creation time of the first launch; the others follow every `spacingSeconds`. */
  start: Date;
  spacingSeconds: number;
  /** Minutes of trading after launch (graduating launches trade until they graduate). Default 30. */
  tradingMinutes?: number;
  /** Drop trades and graduations after this moment (a history that is still going on). */
  until?: Date;
}

/** Generates the launches (pure; write them with `writeBatch`). */
export function generateHistory(options: HistoryOptions): SyntheticLaunch[] {
  const random = createPrng(options.seed);
  const creators = Array.from({ length: Math.max(3, Math.floor(options.launches / 4)) }, () => random.address());
  return Array.from({ length: options.launches }, (_, i) => {
    const creationTime = new Date(options.start.getTime() + i * options.spacingSeconds * 1000);
    const launch = generateLaunch(random, random.pick(creators), creationTime, options.tradingMinutes ?? 30);
    if (options.until) cutAt(launch, options.until);
    return launch;
  });
}

function cutAt(launch: SyntheticLaunch, until: Date): void {
  launch.batch.trades = launch.batch.trades.filter((t) => t.blockTime <= until);
  launch.batch.graduations = launch.batch.graduations.filter((g) => g.blockTime <= until);
  launch.graduated = launch.batch.graduations.length > 0;
}

function generateLaunch(random: Prng, creator: string, creationTime: Date, tradingMinutes: number): SyntheticLaunch {
  const quality = random.next();
  const creatorDumped = random.next() < 0.7 * (1 - quality);
  const graduated = random.next() < 1 / (1 + Math.exp(-(-2.5 + 5 * quality - 1.5 * Number(creatorDumped))));
  const mint = random.address();
  const curveAddress = random.address();
  const tokenId = tokenIdOf(mint);
  const poolId = poolIdOf(curveAddress);
  const slot0 = 300_000_000n + BigInt(Math.floor(creationTime.getTime() / 400));
  const creationSignature = random.address() + random.address().slice(0, 20);
  const batch = emptyBatch();
  batch.tokens.push({
    id: tokenId, mint, platform: 'pumpfun', discoverySource: 'create_event', symbol: mint.slice(0, 4), name: `Synthetic ${mint.slice(0, 4)}`, decimals: 6,
    creationSignature, creationTime, creator, quoteMint: WSOL, tokenProgram: TOKEN_PROGRAM_ID, bondingCurve: curveAddress,
    initialSupply: TOKEN_TOTAL_SUPPLY_RAW, metadata: { uri: `https://example.invalid/${mint}.json` }, slot: slot0,
  });
  batch.pools.push({
    id: poolId, address: curveAddress, tokenId, baseMint: mint, quoteMint: WSOL, platform: 'pumpfun', poolType: 'bonding_curve', programId: PUMP,
    initialPrice: '0.000000028', initialBaseLiquidity: null, initialQuoteLiquidity: null, bondingCurve: curveAddress, baseVault: null, quoteVault: null, status: 'active',
  });
  const market = { random, curve: createCurve(), holdings: new Map<string, bigint>(), trades: batch.trades, tokenId, mint, poolId, creationTime, slot0 };
  trade(market, creator, 0, true, random.lamports(0.5, 2), creationSignature);
  const buyers = Math.max(1, Math.round(2 + 40 * quality + random.next() * 6));
  for (let b = 0; b < buyers; b++) trade(market, random.address(), random.next() * tradingMinutes * 60, true, random.lamports(0.05, 1.2));
  if (creatorDumped) trade(market, creator, 30 + random.next() * 120, false, 0n);
  for (const [wallet] of [...market.holdings].slice(1)) if (random.next() < 0.3) trade(market, wallet, tradingMinutes * 30 + random.next() * tradingMinutes * 30, false, 0n);
  batch.trades.sort((a, b) => a.blockTime.getTime() - b.blockTime.getTime());
  if (graduated) {
    const at = (tradingMinutes + 5 + random.next() * 60) * 60;
    const last = trade(market, random.address(), at, true, 95_000_000_000n);
    batch.graduations.push({ tokenId, signature: last.signature, blockTime: last.blockTime, slot: last.slot, curvePoolId: poolId, ammPool: null, kind: 'complete' });
  }
  return { batch, tokenId, quality, creatorDumped, graduated, creationTime };
}

interface Market {
  random: Prng;
  curve: CurveState;
  holdings: Map<string, bigint>;
  trades: TradeRow[];
  tokenId: string;
  mint: string;
  poolId: string;
  creationTime: Date;
  slot0: bigint;
}

function trade(m: Market, user: string, atSeconds: number, isBuy: boolean, solIn: bigint, signature?: string): TradeRow {
  const held = m.holdings.get(user) ?? 0n;
  const result = isBuy ? buyOnCurve(m.curve, solIn) : sellOnCurve(m.curve, held);
  m.holdings.set(user, isBuy ? held + result.tokenAmount : 0n);
  const seconds = Math.floor(atSeconds);
  const row: TradeRow = {
    signature: signature ?? m.random.address() + m.random.address().slice(0, 20), ixIndex: 1, innerIxIndex: -1, eventIndex: 0,
    blockTime: new Date(m.creationTime.getTime() + seconds * 1000), slot: m.slot0 + BigInt(Math.floor(seconds * 2.5)), txIndex: m.trades.length % 50,
    poolId: m.poolId, tokenId: m.tokenId, mint: m.mint, type: isBuy ? 'buy' : 'sell', user, quoteMint: WSOL,
    amountIn: isBuy ? result.solAmount : result.tokenAmount, amountInDecimals: isBuy ? 9 : 6, amountOut: isBuy ? result.tokenAmount : result.solAmount, amountOutDecimals: isBuy ? 6 : 9,
    solAmount: scaleAmount(result.solAmount, 9), tokenAmount: scaleAmount(result.tokenAmount, 6),
    pricePerToken: priceRawPerRaw(result.solAmount, result.tokenAmount), priceQuotePerToken: priceQuotePerToken(result.solAmount, result.tokenAmount, 9, 6),
    protocolFee: result.fee, platformFee: null, shareFee: null, creatorFee: result.creatorFee, transactionFee: 5000n,
    virtualSolReserves: m.curve.virtualSol, virtualTokenReserves: m.curve.virtualToken, realSolReserves: m.curve.realSol, realTokenReserves: m.curve.realToken,
    success: true, errorCode: null, rawData: {},
  };
  m.trades.push(row);
  return row;
}
