/**
 * Pump.fun UpdateMayhemVirtualParamsEvent (IDL f0ef005 on, `set_mayhem_virtual_params`): a mayhem coin's
 * virtual reserves are reset. v0, 72 B after the discriminator: timestamp (i64), mint, then u64
 * virtual_token_reserves, virtual_sol_reserves (before), new_virtual_token_reserves,
 * new_virtual_sol_reserves, real_token_reserves, real_sol_reserves. The event names no bonding curve: it is
 * account 4 of `set_mayhem_virtual_params` (pump-sdk 2.0.0), else the PDA of the mint.
 */
import { BorshReader } from '../../shared/borsh-reader.js';
import type { EventContext } from '../program-decoder.js';
import type { ReservesResetEvent } from '../../contracts/decoded-event.js';
import { bondingCurveOfMint } from './bonding-curve-address.js';

const SET_PARAMS_CURVE_ACCOUNT = 4;

/** Decodes an UpdateMayhemVirtualParamsEvent payload (discriminator included); throws DecodeError when too short. */
export function decodePumpMayhemResetEvent(payload: Uint8Array, ctx: EventContext, ixName: string | null): ReservesResetEvent {
  const r = new BorshReader(payload, 8);
  const env = ctx.envelope;
  const event: ReservesResetEvent = {
    program: env.program, source: env.source, signature: env.signature, slot: env.slot, txIndex: env.txIndex,
    blockTime: env.blockTime, success: env.success, errorCode: env.errorCode, position: env.position,
    kind: 'reserves_reset', layout: 'pump.UpdateMayhemVirtualParamsEvent.v0', trailingBytes: 0,
    timestamp: r.i64(), mint: r.pubkey(), bondingCurve: null, oldVirtualTokenReserves: r.u64(), oldVirtualSolReserves: r.u64(),
    virtualTokenReserves: r.u64(), virtualSolReserves: r.u64(), realTokenReserves: r.u64(), realSolReserves: r.u64(),
  };
  event.trailingBytes = r.remaining;
  const listed = ixName === 'set_mayhem_virtual_params' ? ctx.invocation?.accounts[SET_PARAMS_CURVE_ACCOUNT] : undefined;
  event.bondingCurve = listed ?? bondingCurveOfMint(event.mint);
  return event;
}
