/**
 * Raydium CPMM and AMM v4 swaps (the venues of LaunchLab graduates), built from the programs' public
 * instruction layouts: amounts from the pool vaults' token balance changes, from the swap's own transfers
 * when two swaps share a vault, limits for failed attempts; every outcome typed, nothing thrown.
 */
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { ChainInstruction, ChainTokenBalance, ChainTransaction } from '../../../src/contracts/chain-transaction.js';
import type { TradeEvent } from '../../../src/contracts/decoded-event.js';
import { RAYDIUM_AMM_V4_PROGRAM_ID, RAYDIUM_CPMM_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { BorshWriter } from '../../../src/simulate/borsh-writer.js';
import { anchorDiscriminator, buildTransaction, key } from './transaction-builder.js';

const WSOL = 'So11111111111111111111111111111111111111112';
const TOKEN = key('graduate-mint');
const USER = key('trader');

function balance(account: string, mint: string, amount: bigint): ChainTokenBalance {
  return { accountIndex: -1, account, mint, owner: key('owner'), programId: TOKEN_PROGRAM_ID, amount, decimals: mint === WSOL ? 9 : 6 };
}

function withBalances(tx: ChainTransaction, pre: ChainTokenBalance[], post: ChainTokenBalance[]): ChainTransaction {
  return { ...tx, preTokenBalances: pre, postTokenBalances: post };
}

const trades = (tx: ChainTransaction) => {
  const result = decodeTransaction(tx);
  expect(result.quarantine).toEqual([]);
  return result.events as TradeEvent[];
};

describe('Raydium CPMM swaps', () => {
  const POOL = key('cpmm-pool');
  const IN_VAULT = key('cpmm-in-vault');
  const OUT_VAULT = key('cpmm-out-vault');
  // payer, authority, amm_config, pool_state, user in/out, input/output vault, programs, input/output mint, observation
  const accounts = (inputMint: string, outputMint: string) => [USER, key('auth'), key('cfg'), POOL, key('uin'), key('uout'), IN_VAULT, OUT_VAULT, TOKEN_PROGRAM_ID, TOKEN_PROGRAM_ID, inputMint, outputMint, key('obs')];
  const data = (name: string, a: bigint, b: bigint) => new BorshWriter().bytes(anchorDiscriminator('global', name)).u64(a).u64(b).finish();

  it('reads a swap_base_input buy from the vaults: quote in, tokens out, reserves after', () => {
    const tx = withBalances(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_input', 100n, 40n), accounts: accounts(WSOL, TOKEN), events: [] }),
      [balance(IN_VAULT, WSOL, 1_000n), balance(OUT_VAULT, TOKEN, 5_000n)], [balance(IN_VAULT, WSOL, 1_100n), balance(OUT_VAULT, TOKEN, 4_950n)]);
    expect(trades(tx)).toMatchObject([{
      program: 'raydium_cpmm', kind: 'trade', source: 'instruction', layout: 'raydium_cpmm.instruction.swap_base_input', ixName: 'swap_base_input',
      pool: POOL, user: USER, mint: TOKEN, quoteMint: WSOL, isBuy: true, solAmount: 100n, tokenAmount: 50n,
      virtualSolReserves: 1_100n, realSolReserves: 1_100n, virtualTokenReserves: 4_950n, realTokenReserves: 4_950n,
      extra: { amountsFrom: 'vault_balances', amountInArgument: '100', minimumAmountOut: '40' },
    }]);
  });

  it('reads a swap_base_output sell (tokens in, quote out)', () => {
    const tx = withBalances(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_output', 900n, 70n), accounts: accounts(TOKEN, WSOL), events: [] }),
      [balance(IN_VAULT, TOKEN, 5_000n), balance(OUT_VAULT, WSOL, 1_000n)], [balance(IN_VAULT, TOKEN, 5_800n), balance(OUT_VAULT, WSOL, 930n)]);
    expect(trades(tx)).toMatchObject([{ mint: TOKEN, quoteMint: WSOL, isBuy: false, tokenAmount: 800n, solAmount: 70n, extra: { maxAmountIn: '900', amountOutArgument: '70' } }]);
  });

  it('takes each swap\'s own transfers when two swaps of the transaction share a vault', () => {
    const first = buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_input', 100n, 1n), accounts: accounts(WSOL, TOKEN), events: [] });
    const outer = first.instructions[0] as ChainInstruction;
    const transfer = (source: string, destination: string, amount: bigint, outerIndex: number): ChainInstruction => ({
      programId: TOKEN_PROGRAM_ID, accounts: [source, destination, USER], data: new BorshWriter().u8(3).u64(amount).finish(), stackHeight: 2, outerIndex, innerIndex: 0,
    });
    const second: ChainInstruction = { ...outer, outerIndex: 1 };
    const tx = withBalances({ ...first, instructions: [outer, transfer(key('uin'), IN_VAULT, 100n, 0), { ...transfer(OUT_VAULT, key('uout'), 49n, 0), innerIndex: 1 }, second, transfer(key('uin'), IN_VAULT, 60n, 1), { ...transfer(OUT_VAULT, key('uout'), 28n, 1), innerIndex: 1 }] },
      [balance(IN_VAULT, WSOL, 1_000n), balance(OUT_VAULT, TOKEN, 5_000n)], [balance(IN_VAULT, WSOL, 1_160n), balance(OUT_VAULT, TOKEN, 4_923n)]);
    tx.logMessages = [];
    expect(trades(tx).map((t) => [t.solAmount, t.tokenAmount, t.extra.amountsFrom, t.virtualTokenReserves])).toEqual([[100n, 49n, 'transfers', null], [60n, 28n, 'transfers', null]]);
  });

  it('says so when neither vault balances nor transfers are there: the amounts are the limits (the pipeline stores none)', () => {
    const r = decodeTransaction(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_input', 100n, 40n), accounts: accounts(WSOL, TOKEN), events: [] }));
    expect(r.quarantine).toEqual([]);
    expect(r.events).toMatchObject([{ success: true, solAmount: 100n, tokenAmount: 40n, virtualSolReserves: null, extra: { amountsAre: 'instruction_limits' } }]);
  });

  it('records a failed swap as an attempt with its limits, and reads no other instruction as a trade', () => {
    const failed = decodeTransaction(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_input', 100n, 40n), accounts: accounts(WSOL, TOKEN), events: [], success: false }));
    expect(failed.events).toMatchObject([{ success: false, isBuy: true, mint: TOKEN, solAmount: 100n, tokenAmount: 40n, extra: { amountsAre: 'instruction_limits' } }]);
    for (const name of ['deposit', 'withdraw', 'initialize', 'collect_creator_fee']) {
      expect(decodeTransaction(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data(name, 1n, 2n), accounts: accounts(WSOL, TOKEN), events: [] })), name).toMatchObject({ events: [], quarantine: [] });
    }
  });

  it('knows its SwapEvent log line (ignored: the balances say what moved)', () => {
    const swapEvent = new BorshWriter().bytes(anchorDiscriminator('event', 'SwapEvent')).pubkey(POOL).u64(1n).finish();
    const tx = withBalances(buildTransaction({ programId: RAYDIUM_CPMM_PROGRAM_ID, ixData: data('swap_base_input', 100n, 40n), accounts: accounts(WSOL, TOKEN), events: [] }),
      [balance(IN_VAULT, WSOL, 1_000n), balance(OUT_VAULT, TOKEN, 5_000n)], [balance(IN_VAULT, WSOL, 1_100n), balance(OUT_VAULT, TOKEN, 4_950n)]);
    tx.logMessages = [`Program ${RAYDIUM_CPMM_PROGRAM_ID} invoke [1]`, `Program data: ${Buffer.from(swapEvent).toString('base64')}`, `Program ${RAYDIUM_CPMM_PROGRAM_ID} success`];
    expect(trades(tx)).toHaveLength(1);
  });
});

describe('Raydium AMM v4 swaps', () => {
  const AMM = key('amm-v4-pool');
  const COIN_VAULT = key('coin-vault');
  const PC_VAULT = key('pc-vault');
  const SOURCE = key('user-source');
  const market = Array.from({ length: 8 }, (_, i) => key(`market-${i}`));
  const layouts: Record<string, { tag: number; accounts: string[] }> = {
    'SwapBaseIn, 18 accounts': { tag: 9, accounts: [TOKEN_PROGRAM_ID, AMM, key('authority'), key('open-orders'), key('target-orders'), COIN_VAULT, PC_VAULT, ...market.slice(0, 8), SOURCE, key('dest'), USER] },
    'SwapBaseIn, 17 accounts': { tag: 9, accounts: [TOKEN_PROGRAM_ID, AMM, key('authority'), key('open-orders'), COIN_VAULT, PC_VAULT, ...market.slice(0, 8), SOURCE, key('dest'), USER] },
    'SwapBaseOutV2, 8 accounts': { tag: 17, accounts: [TOKEN_PROGRAM_ID, AMM, key('authority'), COIN_VAULT, PC_VAULT, SOURCE, key('dest'), USER] },
  };

  for (const [label, layout] of Object.entries(layouts)) {
    it(`reads a ${label} buy: pc (quote) in, coin (token) out`, () => {
      const data = new BorshWriter().u8(layout.tag).u64(500n).u64(20n).finish();
      const tx = withBalances(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: data, accounts: layout.accounts, events: [] }),
        [balance(COIN_VAULT, TOKEN, 10_000n), balance(PC_VAULT, WSOL, 2_000n), balance(SOURCE, WSOL, 500n)],
        [balance(COIN_VAULT, TOKEN, 9_975n), balance(PC_VAULT, WSOL, 2_500n), balance(SOURCE, WSOL, 0n)]);
      expect(trades(tx)).toMatchObject([{
        program: 'raydium_amm_v4', pool: AMM, user: USER, mint: TOKEN, quoteMint: WSOL, isBuy: true, solAmount: 500n, tokenAmount: 25n,
        virtualSolReserves: 2_500n, virtualTokenReserves: 9_975n, ixName: layout.tag === 9 ? 'swap_base_in' : 'swap_base_out_v2',
      }]);
    });
  }

  it('reads a sell, and a failed sell as an attempt oriented by the source account\'s mint', () => {
    const { accounts } = layouts['SwapBaseIn, 17 accounts']!;
    const data = new BorshWriter().u8(9).u64(300n).u64(10n).finish();
    const pre = [balance(COIN_VAULT, TOKEN, 10_000n), balance(PC_VAULT, WSOL, 2_000n), balance(SOURCE, TOKEN, 300n)];
    const ok = withBalances(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: data, accounts, events: [] }), pre,
      [balance(COIN_VAULT, TOKEN, 10_300n), balance(PC_VAULT, WSOL, 1_943n), balance(SOURCE, TOKEN, 0n)]);
    expect(trades(ok)).toMatchObject([{ isBuy: false, mint: TOKEN, tokenAmount: 300n, solAmount: 57n }]);
    const failed = withBalances(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: data, accounts, events: [], success: false }), pre, pre);
    expect(decodeTransaction(failed).events).toMatchObject([{ success: false, isBuy: false, mint: TOKEN, tokenAmount: 300n, solAmount: 10n }]);
  });

  it('names every instruction tag and reads only swaps as trades; a short swap is malformed', () => {
    for (const tag of [1, 3, 4, 7, 14, 15]) {
      expect(decodeTransaction(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: Uint8Array.of(tag, 0, 0), accounts: [], events: [] })), `tag ${tag}`).toMatchObject({ events: [], quarantine: [] });
    }
    const short = decodeTransaction(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: Uint8Array.of(16, 1, 2), accounts: layouts['SwapBaseOutV2, 8 accounts']!.accounts, events: [] }));
    expect(short.quarantine.map((q) => [q.kind, q.reason])).toEqual([['malformed', 'malformed at byte 1: swap arguments need 16 bytes, has 2']]);
    expect(decodeTransaction(buildTransaction({ programId: RAYDIUM_AMM_V4_PROGRAM_ID, ixData: Uint8Array.of(99, 0, 0, 0, 0, 0, 0, 0, 0), accounts: [], events: [] })).quarantine.map((q) => q.kind)).toEqual(['unknown_discriminator']);
  });
});
