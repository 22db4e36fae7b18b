/**
 * Pump.fun SweepBondingCurveFeeEvent (2026-10, pump-public-docs SWEEP_FEES.md at 2293f9a; discriminator
 * derived). v3 trades keep their fees on the curve (the TradeEvent then names the all-ones address as
 * fee_recipient); `sweep_protocol_fee` / `sweep_creator_fee` pay them out later. The income was the trades'
 * fees: a sweep is a payout of it, so it becomes a `fee_payout`, never a trade fee.
 *
 * v0, 145 B after the discriminator: timestamp (i64), mint, bonding_curve, quote_mint, recipient (pubkeys),
 * amount (u64), bucket (u8: 0 = protocol, 1 = creator).
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import type { FeePayoutEvent } from '../../contracts/decoded-event.js';

const DEFAULT_PUBKEY = '11111111111111111111111111111111';
const BUCKETS: readonly FeePayoutEvent['bucket'][] = ['protocol', 'creator'];

/** Decodes a SweepBondingCurveFeeEvent payload (discriminator included); throws DecodeError when too short. */
export function decodePumpSweepEvent(payload: Uint8Array, ctx: EventContext): FeePayoutEvent {
  const r = new BorshReader(payload, 8);
  const timestamp = r.i64();
  const mint = r.pubkey();
  const venue = r.pubkey();
  const quote = r.pubkey();
  const recipient = r.pubkey();
  const amount = r.u64();
  const bucket = BUCKETS[r.u8()] ?? 'unknown';
  const env = ctx.envelope;
  return {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'fee_payout', layout: 'pump.SweepBondingCurveFeeEvent.v0', trailingBytes: r.remaining,
    mint, venue, quoteMint: quote === DEFAULT_PUBKEY ? WSOL_MINT : quote, recipient, amount, bucket, timestamp,
  };
}
