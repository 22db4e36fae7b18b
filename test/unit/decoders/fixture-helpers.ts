/** Test helpers: decode a fixture file and read its expectation. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeTransaction } from '../../../src/decoders/index.js';
import type { DecodedEvent } from '../../../src/contracts/decoded-event.js';
import type { QuarantineRecord } from '../../../src/contracts/quarantine.js';
import { readTransactionsFromPath } from '../../../src/stream/transaction-files.js';
import { FIXTURES_DIR } from '../../helpers/fixtures.js';

export interface DecodedFile {
  events: DecodedEvent[];
  quarantine: QuarantineRecord[];
  normalizeFailures: number;
  /** Every account key of every transaction read. */
  accountKeys: string[];
}

/** Decodes every transaction of a fixture file (path relative to the fixtures folder). */
export async function decodeFixture(relative: string): Promise<DecodedFile> {
  const results = await readTransactionsFromPath(join(FIXTURES_DIR as string, relative));
  const out: DecodedFile = { events: [], quarantine: [], normalizeFailures: 0, accountKeys: [] };
  for (const r of results) {
    if (!r.ok) {
      out.normalizeFailures += 1;
      continue;
    }
    out.accountKeys.push(...r.tx.accountKeys);
    const d = decodeTransaction(r.tx);
    out.events.push(...d.events);
    out.quarantine.push(...d.quarantine);
  }
  return out;
}

/** The parsed `.expected.json` next to a fixture. */
export function readExpected(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES_DIR as string, relative), 'utf8')) as Record<string, unknown>;
}

/** Source field names (snake_case) → the value our event carries for it. */
export function eventField(e: DecodedEvent, field: string): unknown {
  const rec = e as unknown as Record<string, unknown>;
  const extra = (rec.extra ?? {}) as Record<string, unknown>;
  const direct: Record<string, string> = {
    sol_amount: 'solAmount', token_amount: 'tokenAmount', is_buy: 'isBuy', virtual_sol_reserves: 'virtualSolReserves',
    virtual_token_reserves: 'virtualTokenReserves', real_sol_reserves: 'realSolReserves',
    real_token_reserves: 'realTokenReserves', creator_fee: 'creatorFee', bonding_curve: 'bondingCurve',
    pool_state: 'poolState', amount_in: 'amountIn', amount_out: 'amountOut', protocol_fee: 'protocolFee',
    platform_fee: 'platformFee', share_fee: 'shareFee', virtual_base: 'virtualTokenReserves',
    virtual_quote: 'virtualSolReserves', real_base_after: 'realTokenReserves', real_quote_after: 'realSolReserves',
  };
  const fromExtra: Record<string, string> = {
    fee_recipient: 'feeRecipient', fee_basis_points: 'feeBasisPoints', creator_fee_basis_points: 'creatorFeeBasisPoints',
    total_base_sell: 'totalBaseSell', real_base_before: 'realBaseBefore', real_quote_before: 'realQuoteBefore', exact_in: 'exactIn',
  };
  if (field === 'bonding_curve' && e.kind === 'trade') return e.pool;
  if (field === 'creator' && e.kind === 'trade') return extra.creator;
  if (fromExtra[field] !== undefined) return extra[fromExtra[field] as string];
  return rec[direct[field] ?? field];
}

/** Compares loosely across representations (bigint / decimal string / number). */
export function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number' || typeof expected === 'bigint') return String(actual) === BigInt(expected).toString();
  return actual === expected;
}
