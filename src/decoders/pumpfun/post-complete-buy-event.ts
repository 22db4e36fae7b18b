/**
 * Pump.fun PostCompleteBuyEvent (2026-10, synthetic migration: pump-public-docs SYNTHETIC_MIGRATION.md at
 * 2293f9a). A v3 buy that runs past the curve's last token is filled on at the price of the pool the
 * migration will create; this event carries that part, after TradeEvent and CompleteEvent.
 *
 * v0, 224 B after the discriminator: user, mint, bonding_curve, quote_mint (pubkeys), timestamp (i64),
 * base_out, quote_in, fee_basis_points, fee, creator_fee_basis_points, creator_fee, buyback_fee,
 * pool_base_reserves_before, pool_quote_reserves_before, pool_base_reserves_after,
 * pool_quote_reserves_after (u64). The docs name the fields but publish no order; this order is the one
 * two independent public decoders agree on (unattributed, MAINNET-2026 §1.4), and the 224 bytes fit it.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import type { EventContext } from '../program-decoder.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import type { PostCompleteBuyEvent } from '../../contracts/decoded-event.js';

const DEFAULT_PUBKEY = '11111111111111111111111111111111';

/** Decodes a PostCompleteBuyEvent payload (discriminator included); throws DecodeError when too short. */
export function decodePumpPostCompleteBuyEvent(payload: Uint8Array, ctx: EventContext): PostCompleteBuyEvent {
  const r = new BorshReader(payload, 8);
  const user = r.pubkey();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  const quote = r.pubkey();
  const env = ctx.envelope;
  const event: PostCompleteBuyEvent = {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'post_complete_buy', layout: 'pump.PostCompleteBuyEvent.v0', trailingBytes: 0,
    mint, user, bondingCurve, quoteMint: quote === DEFAULT_PUBKEY ? WSOL_MINT : quote, timestamp: r.i64(),
    baseOut: r.u64(), quoteIn: r.u64(), feeBasisPoints: r.u64(), fee: r.u64(), creatorFeeBasisPoints: r.u64(),
    creatorFee: r.u64(), buybackFee: r.u64(), poolBaseReservesBefore: r.u64(), poolQuoteReservesBefore: r.u64(),
    poolBaseReservesAfter: r.u64(), poolQuoteReservesAfter: r.u64(),
  };
  event.trailingBytes = r.remaining;
  return event;
}
