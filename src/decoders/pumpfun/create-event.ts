/**
 * Pump.fun CreateEvent (FACTS §4). Original (legacy IDL 2024-09): name, symbol, uri, mint, bonding_curve,
 * user · +creator, timestamp (2025-03, IDL df5013e) · +4 reserve u64 (e2b66e4) · +token_program,
 * is_mayhem_mode (864c072) · +is_cashback_enabled (82dacac) · +quote_mint, virtual_quote_reserves (91db680)
 * · v6 +creator_fee_bps, is_holder_reward (pump-sdk 2.0.0, 2026-09) · v7 +depth u8 (2026-10; 0 for a SOL or
 * listed quote, 1+ for a pump-coin quote). A longer payload is read up to v7 and the rest counted.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import { buildCreateEvent } from '../event-objects.js';
import type { EventContext } from '../program-decoder.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../contracts/programs.js';
import { WSOL_MINT } from '../../contracts/chain-transaction.js';
import { type CreateEvent } from '../../contracts/decoded-event.js';
import { sanitizeText } from '../sanitize-text.js';

const DEFAULT_PUBKEY = '11111111111111111111111111111111';
const PUMP_DECIMALS = 6;

/** Decodes a CreateEvent payload (discriminator included); throws DecodeError when too short. */
export function decodePumpCreateEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): CreateEvent {
  const r = new BorshReader(payload, 8);
  const e = buildCreateEvent(ctx, {
    layout: 'pump.CreateEvent.v0', trailingBytes: 0,
    name: sanitizeText(r.string()), symbol: sanitizeText(r.string()), uri: sanitizeText(r.string()),
    mint: r.pubkey(), bondingCurve: r.pubkey(), user: r.pubkey(), creator: null,
    tokenProgram: ixName === 'create_v2' ? TOKEN_2022_PROGRAM_ID : ixName === 'create' ? TOKEN_PROGRAM_ID : null,
    quoteMint: WSOL_MINT, decimals: PUMP_DECIMALS, timestamp: null, virtualTokenReserves: null,
    virtualSolReserves: null, realTokenReserves: null, tokenTotalSupply: null, isMayhemMode: null,
  });
  if (r.remaining >= 40) {
    e.creator = r.pubkey();
    e.timestamp = r.i64();
    e.layout = 'pump.CreateEvent.v1';
  }
  if (r.remaining >= 32) {
    e.virtualTokenReserves = r.u64();
    e.virtualSolReserves = r.u64();
    e.realTokenReserves = r.u64();
    e.tokenTotalSupply = r.u64();
    e.layout = 'pump.CreateEvent.v2';
  }
  if (r.remaining >= 33) {
    e.tokenProgram = r.pubkey();
    e.isMayhemMode = r.bool();
    e.layout = 'pump.CreateEvent.v3';
  }
  if (r.remaining >= 1) {
    e.isCashbackEnabled = r.bool();
    e.layout = 'pump.CreateEvent.v4';
  }
  if (r.remaining >= 40) {
    const quoteMint = r.pubkey();
    const virtualQuote = r.u64();
    if (quoteMint !== DEFAULT_PUBKEY) {
      e.quoteMint = quoteMint;
      e.virtualSolReserves = virtualQuote;
    }
    e.layout = 'pump.CreateEvent.v5';
  }
  if (e.layout === 'pump.CreateEvent.v5' && r.remaining >= 9) {
    e.creatorFeeBps = r.u64();
    e.isHolderReward = r.bool();
    e.layout = 'pump.CreateEvent.v6';
  }
  if (e.layout === 'pump.CreateEvent.v6' && r.remaining >= 1) {
    e.depth = r.u8();
    e.layout = 'pump.CreateEvent.v7';
  }
  e.trailingBytes = r.remaining;
  return e;
}
