/**
 * Decoder benchmark: Yellowstone `SubscribeUpdate` protobuf bytes (as the native client delivers them)
 * → readUpdateEnvelope → normalizeYellowstoneTransactionBytes → decodeTransaction, single core; and, for
 * comparison, the same bytes through the client package's generated decoder + the object normaliser. The mix is shaped like the
 * filtered mainnet stream: mostly Pump.fun trades (self-CPI + log copy, fee / volume CPIs, compute-budget
 * and ATA instructions), some creates, some LaunchLab trades, some transactions with none of our events.
 * Every message is generated here from our own bytes (fresh user / mint / ATA keys per transaction).
 * Run: `npx tsx bench/decode.ts [--transactions N] [--seconds S]` or `npm run bench -- decode`.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { SubscribeUpdate, type SubscribeUpdateTransaction } from '@triton-one/yellowstone-grpc';
import bs58 from 'bs58';
import { decodeTransaction } from '../src/decoders/index.js';
import { PUMPFUN_PROGRAM_ID, RAYDIUM_LAUNCHPAD_PROGRAM_ID } from '../src/contracts/programs.js';
import { normalizeYellowstoneTransaction } from '../src/stream/normalize/from-yellowstone.js';
import { normalizeYellowstoneTransactionBytes } from '../src/stream/normalize/from-yellowstone-bytes.js';
import { readUpdateEnvelope } from '../src/stream/update-envelope.js';
import type { NormalizeResult } from '../src/contracts/chain-transaction.js';

export interface BenchDecodeOptions {
  transactions?: number;
  seconds?: number;
  log?: (line: string) => void;
}

const sha = (s: string) => createHash('sha256').update(s).digest();
const disc = (prefix: string, name: string) => sha(`${prefix}:${name}`).subarray(0, 8);
const TAG = Buffer.from('e445a52e51cb9a1d', 'hex');
const STATIC = ['ComputeBudget111111111111111111111111111111', '11111111111111111111111111111111', 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL', PUMPFUN_PROGRAM_ID, '4wTV1YmiEkRvAtNtsSGPtUrqRYQMe5SKy2uB4Jjaxnjf',
  '62qc2CNXwrYqQScmEdiZFFAnJR262PxWEuNQtxfafNgV', 'Ce6TQqeHC9p8KetsN6JsjHK7UTZk7nasjjnr7XxXp9F1', 'pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ',
  'Hq2wp8uJ9jCPsYgNHex8RtqdvMPfVGoYwjvF1ATiwn2Y', '8Wf5TiAheLUqBrKXeYg2JtAFFMWtKdG2BSFgqUcPVwTt', RAYDIUM_LAUNCHPAD_PROGRAM_ID,
  '2DPAtwB8L12vrMRExbLuyGnC7n2J5LNoZQSejeQGpwkr', 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4'].map((k) => bs58.decode(k));
const [CB, SYS, TOKEN, , PUMP, , , PUMP_EA, FEE_PROG, , , LAUNCH, LAUNCH_EA, OTHER] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

function u64(v: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return b;
}

function pumpTradeEvent(mint: Uint8Array, user: Uint8Array, n: number, isBuy: boolean): Buffer {
  return Buffer.concat([disc('event', 'TradeEvent'), mint, u64(BigInt(1e8 + n)), u64(BigInt(3e12 + n)), Buffer.from([isBuy ? 1 : 0]), user,
    u64(1_760_000_000n), u64(40_000_000_000n), u64(800_000_000_000_000n), u64(10_000_000_000n), u64(500_000_000_000_000n),
    STATIC[6] as Uint8Array, u64(95n), u64(950_000n), sha(`creator${n % 500}`), u64(30n), u64(300_000n),
    Buffer.from([1]), u64(0n), u64(0n), u64(BigInt(n)), u64(1_760_000_000n), u64(3n), Buffer.from(isBuy ? 'buy' : 'sel'), Buffer.from([0])]);
}

function pumpCreateEvent(mint: Uint8Array, user: Uint8Array, curve: Uint8Array): Buffer {
  const str = (s: string) => Buffer.concat([Buffer.from(Uint32Array.of(s.length).buffer), Buffer.from(s)]);
  return Buffer.concat([disc('event', 'CreateEvent'), str('Bench Coin'), str('BENCH'), str('https://ipfs.io/ipfs/QmBenchBenchBenchBenchBench'),
    mint, curve, user, user, u64(1_760_000_000n), u64(1_073_000_000_000_000n), u64(30_000_000_000n), u64(793_100_000_000_000n), u64(10n ** 15n)]);
}

function launchTradeEvent(pool: Uint8Array, n: number): Buffer {
  return Buffer.concat([disc('event', 'TradeEvent'), pool, ...[793n, 1073n, 30n, 1n, 2n, 3n, 4n, BigInt(n), 5n, 6n, 7n, 8n, 0n].map(u64), Buffer.from([0, 0, 1])]);
}

interface Ix { programIdIndex: number; accounts: Uint8Array; data: Uint8Array; stackHeight?: number }

/** Builds one transaction message of the mix (kind chosen by `n`). */
function buildMessage(n: number): SubscribeUpdateTransaction {
  const fresh = Array.from({ length: 6 }, (_, i) => sha(`tx${n}:${i}`));
  const [user, mint, curve, ata1, ata2, pool] = fresh as [Buffer, Buffer, Buffer, Buffer, Buffer, Buffer];
  const keys = [user, ...STATIC, mint, curve, ata1, ata2, pool];
  const F = STATIC.length + 1; // first fresh-after-user key index
  const kind = n % 20 < 14 ? 'pump' : n % 20 < 15 ? 'create' : n % 20 < 17 ? 'launch' : 'other';
  const progIdx = (i: number) => i + 1;
  const outer: Ix[] = [{ programIdIndex: progIdx(CB), accounts: Uint8Array.of(), data: Uint8Array.of(2, 64, 13, 3, 0) },
    { programIdIndex: progIdx(CB), accounts: Uint8Array.of(), data: Uint8Array.of(3, 1, 0, 0, 0, 0, 0, 0, 0) }];
  const inner: Ix[] = [];
  const logs = ['Program ComputeBudget111111111111111111111111111111 invoke [1]', 'Program ComputeBudget111111111111111111111111111111 success',
    'Program ComputeBudget111111111111111111111111111111 invoke [1]', 'Program ComputeBudget111111111111111111111111111111 success'];
  let event: Buffer | null = null;
  let program = PUMPFUN_PROGRAM_ID;
  let ea: number = PUMP_EA;
  if (kind === 'pump' || kind === 'create') {
    const isBuy = n % 3 !== 0;
    const ixName = kind === 'create' ? 'create' : isBuy ? 'buy' : 'sell';
    outer.push({ programIdIndex: progIdx(PUMP), accounts: Uint8Array.of(6, 7, F, F + 1, F + 2, F + 3, 0, 2, 3, 9, 8, 5, 10, 11, 12, 9), data: Buffer.concat([disc('global', ixName), u64(1000n), u64(2000n)]) });
    inner.push({ programIdIndex: progIdx(FEE_PROG), accounts: Uint8Array.of(12, 9), data: disc('global', 'get_fees'), stackHeight: 2 },
      { programIdIndex: progIdx(TOKEN), accounts: Uint8Array.of(F + 2, F + 3, F + 1), data: Uint8Array.of(3, 1, 2, 3, 4, 5, 6, 7, 8), stackHeight: 2 },
      { programIdIndex: progIdx(SYS), accounts: Uint8Array.of(0, F + 1), data: Uint8Array.of(2, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0), stackHeight: 2 });
    logs.push(`Program ${PUMPFUN_PROGRAM_ID} invoke [1]`, `Program log: Instruction: ${ixName}`,
      `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ invoke [2]`, 'Program return: pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ AAAAAA==',
      `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ consumed 3000 of 190000 compute units`, `Program pfeeUxB6jkeY1Hxd7CsFCAjcbHA9rWtchMGdZ6VojVZ success`,
      'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA invoke [2]', 'Program log: Instruction: Transfer', 'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA success',
      'Program 11111111111111111111111111111111 invoke [2]', 'Program 11111111111111111111111111111111 success');
    event = kind === 'create' ? pumpCreateEvent(mint, user, curve) : pumpTradeEvent(mint, user, n, isBuy);
  } else if (kind === 'launch') {
    program = RAYDIUM_LAUNCHPAD_PROGRAM_ID;
    ea = LAUNCH_EA;
    outer.push({ programIdIndex: progIdx(LAUNCH), accounts: Uint8Array.of(0, 13, 14, 14, F + 4, F + 2, F + 3, F + 2, F + 3, F, 1, 3, 3, 13, 12), data: Buffer.concat([disc('global', 'buy_exact_in'), u64(1n), u64(2n), u64(0n)]) });
    logs.push(`Program ${RAYDIUM_LAUNCHPAD_PROGRAM_ID} invoke [1]`, 'Program log: Instruction: BuyExactIn');
    event = launchTradeEvent(pool, n);
  } else {
    outer.push({ programIdIndex: progIdx(OTHER), accounts: Uint8Array.of(0, F, F + 1), data: Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9) });
    inner.push({ programIdIndex: progIdx(TOKEN), accounts: Uint8Array.of(F + 2, F + 3, 0), data: Uint8Array.of(3, 9, 9, 9, 9, 9, 9, 9, 9), stackHeight: 2 });
    logs.push('Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 invoke [1]', 'Program log: Instruction: Route',
      'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA invoke [2]', 'Program TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA success',
      'Program JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4 success');
  }
  if (event !== null) {
    logs.push(`Program data: ${event.toString('base64')}`, `Program ${program} invoke [2]`, `Program ${program} consumed 2000 of 150000 compute units`,
      `Program ${program} success`, `Program ${program} consumed 40000 of 190000 compute units`, `Program ${program} success`);
    inner.push({ programIdIndex: progIdx(ea), accounts: Uint8Array.of(progIdx(ea)), data: Buffer.concat([TAG, event]), stackHeight: 2 });
    inner[inner.length - 1]!.programIdIndex = kind === 'launch' ? progIdx(LAUNCH) : progIdx(PUMP);
  }
  // Distinct strings, as the protobuf decoder gives them; the payer and the fresh accounts change.
  const preBalances = keys.map((_, i) => String(1_000_000 + i));
  const postBalances = keys.map((_, i) => String(1_000_000 + i + (i === 0 || i >= F ? 1 + (n % 1000) : 0)));
  return {
    slot: String(400_000_000 + Math.floor(n / 1000)),
    transaction: {
      signature: Buffer.concat([sha(`sig${n}`), sha(`sig2${n}`)]), isVote: false, index: String(n % 1000),
      transaction: { signatures: [], message: { header: undefined, accountKeys: keys, recentBlockhash: new Uint8Array(32), instructions: outer, versioned: true, addressTableLookups: [] } },
      meta: {
        err: undefined, fee: '5000', preBalances, postBalances, innerInstructions: [{ index: 2, instructions: inner }], innerInstructionsNone: false,
        logMessages: logs, logMessagesNone: false, preTokenBalances: [], postTokenBalances: [
          { accountIndex: F + 2, mint: bs58.encode(mint), owner: bs58.encode(user), programId: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA', uiTokenAmount: { uiAmount: 1, decimals: 6, amount: '1000000', uiAmountString: '1' } }],
        rewards: [], loadedWritableAddresses: [], loadedReadonlyAddresses: [], returnData: undefined, returnDataNone: true,
      },
    },
  } as unknown as SubscribeUpdateTransaction;
}

type Path = (bytes: Uint8Array) => NormalizeResult;

/** What the live stream runs: envelope and transaction read straight from the bytes. */
const viaBytes: Path = (bytes) => {
  const envelope = readUpdateEnvelope(bytes);
  if (envelope.kind !== 'transaction') throw new Error('not a transaction');
  return normalizeYellowstoneTransactionBytes(bytes, envelope.start, envelope.end);
};
/** The client package's generated decoder, then the object normaliser. */
const viaObjects: Path = (bytes) => normalizeYellowstoneTransaction(SubscribeUpdate.decode(bytes).transaction!);

/** Prints transactions per second and µs per transaction (protobuf bytes → events, one core). */
export async function benchDecode(opts: BenchDecodeOptions = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const count = opts.transactions ?? 20_000;
  const seconds = opts.seconds ?? 5;
  const messages = Array.from({ length: count }, (_, n) => SubscribeUpdate.encode({ filters: ['megatron_programs'], transaction: buildMessage(n) } as SubscribeUpdate).finish());
  log(`decode bench: ${count} distinct transactions (mix 70% pump trades / 5% creates / 10% LaunchLab / 15% other), each run for ${seconds} s`);
  for (const [name, path] of [['bytes (live path)', viaBytes], ['generated decoder + objects', viaObjects]] as const) {
    let events = 0;
    const runOnce = () => {
      for (const m of messages) {
        const r = path(m);
        if (r.ok) events += decodeTransaction(r.tx).events.length;
      }
    };
    runOnce(); // warm-up (JIT, pubkey cache of the static keys)
    if (process.env.BENCH_SPLIT === '1') {
      let t = process.hrtime.bigint();
      const txs = messages.map((m) => path(m)).flatMap((r) => (r.ok ? [r.tx] : []));
      log(`  ${name} split: normalize ${(Number(process.hrtime.bigint() - t) / 1e3 / count).toFixed(2)} µs/tx`);
      t = process.hrtime.bigint();
      for (const tx of txs) decodeTransaction(tx);
      log(`  ${name} split: decode ${(Number(process.hrtime.bigint() - t) / 1e3 / count).toFixed(2)} µs/tx`);
    }
    events = 0;
    let done = 0;
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(seconds) * 1_000_000_000n) {
      runOnce();
      done += messages.length;
      elapsedNs = process.hrtime.bigint() - start;
    }
    const secs = Number(elapsedNs) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const cpuSecs = (cpu.user + cpu.system) / 1e6;
    // CPU time of this process (GC threads included): the figure that does not depend on other load on the host.
    log(`  ${name}: ${Math.round(done / secs).toLocaleString('en-US')} tx/s wall, ${((secs * 1e6) / done).toFixed(2)} µs/tx; ${((cpuSecs * 1e6) / done).toFixed(2)} µs/tx of CPU time (${done} transactions, ${events} events)`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  await benchDecode({ transactions: arg('--transactions'), seconds: arg('--seconds') });
}
