/**
 * Pump.fun CompleteEvent (112 B; +quote_mint 144 B, IDL 91db680) and CompletePumpAmmMigrationEvent
 * (168 B; +quote_mint 200 B, IDL 3c6721a). The migration event is the graduation: a `migrate` that
 * emits none (already-migrated curve) is not one.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildCompleteEvent, buildMigrateEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { PUMPSWAP_PROGRAM_ID } from '../../contracts/programs.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import { type CompleteEvent, type MigrateEvent } from '../../contracts/decoded-event.js';

const DEFAULT_PUBKEY = '11111111111111111111111111111111';

function readQuoteMint(r: BorshReader): string | null {
  if (r.remaining < 32) return null;
  const quote = r.pubkey();
  return quote === DEFAULT_PUBKEY ? WSOL_MINT : quote;
}

/** Decodes a CompleteEvent payload (discriminator included). */
export function decodePumpCompleteEvent(payload: Uint8Array, ctx: EventContext): CompleteEvent {
  const r = new BorshReader(payload, 8);
  const user = r.pubkey();
  const mint = r.pubkey();
  const bondingCurve = r.pubkey();
  const timestamp = r.i64();
  const quote = readQuoteMint(r);
  return buildCompleteEvent(ctx, {
    layout: quote === null ? 'pump.CompleteEvent.v0' : 'pump.CompleteEvent.v1', trailingBytes: r.remaining, mint, user,
    bondingCurve, timestamp,
  });
}

/** Decodes a CompletePumpAmmMigrationEvent payload (discriminator included) into a `migrate` event. */
export function decodePumpMigrationEvent(payload: Uint8Array, ctx: EventContext): MigrateEvent {
  const r = new BorshReader(payload, 8);
  const user = r.pubkey();
  const mint = r.pubkey();
  const tokenAmount = r.u64();
  const solAmount = r.u64();
  const poolMigrationFee = r.u64();
  const bondingCurve = r.pubkey();
  const timestamp = r.i64();
  const pool = r.pubkey();
  const quote = readQuoteMint(r);
  const event = buildMigrateEvent(ctx, {
    layout: quote === null ? 'pump.CompletePumpAmmMigrationEvent.v0' : 'pump.CompletePumpAmmMigrationEvent.v1',
    trailingBytes: r.remaining, mint, pool, ammProgram: PUMPSWAP_PROGRAM_ID, quoteMint: quote ?? WSOL_MINT,
    bondingCurve, user, solAmount, tokenAmount, timestamp,
  });
  return Object.assign(event, { poolMigrationFee });
}
