/**
 * Parses a mint account's data (SPL Token or Token-2022) into its authorities and the Token-2022
 * extensions that matter for risk. Pure; malformed data gives `null`, never an exception.
 *
 * Layouts (public program facts):
 * - Mint, 82 bytes: mint_authority COption<Pubkey> (u32 tag + 32) @0, supply u64 @36, decimals u8 @44,
 *   is_initialized u8 @45, freeze_authority COption<Pubkey> @46.
 * - Token-2022 with extensions: the base is padded to 165 bytes, byte 165 is the account type (1 = mint),
 *   then TLV entries from byte 166: type u16 LE, length u16 LE, value.
 *   TransferFeeConfig (1): config authority 32, withdraw authority 32, withheld u64, older fee
 *   {epoch u64, maximum u64, bps u16}, newer fee {epoch, maximum, bps} → newer bps at value offset 106.
 *   PermanentDelegate (11): delegate 32 (zeros = none). TransferHook (13): authority 32, program 32.
 *   DefaultAccountState (5): state u8 (2 = frozen). Pausable (25): authority 32, paused u8.
 */
import { encodeBase58 } from '../../shared/base58.js';

export const MINT_BASE_BYTES = 82;
const ACCOUNT_TYPE_OFFSET = 165;
const ACCOUNT_TYPE_MINT = 1;

/** Token-2022 extension type numbers → names. */
export const EXTENSION_NAMES: Readonly<Record<number, string>> = {
  1: 'transfer_fee_config', 3: 'mint_close_authority', 4: 'confidential_transfer_mint', 5: 'default_account_state',
  8: 'non_transferable', 9: 'interest_bearing_config', 11: 'permanent_delegate', 13: 'transfer_hook',
  15: 'confidential_transfer_fee_config', 17: 'metadata_pointer', 18: 'token_metadata', 19: 'group_pointer',
  20: 'token_group', 21: 'group_member_pointer', 22: 'token_group_member', 23: 'confidential_mint_burn',
  24: 'scaled_ui_amount', 25: 'pausable',
};

export interface ParsedMint {
  mintAuthority: string | null;
  freezeAuthority: string | null;
  supply: bigint;
  decimals: number;
  extensions: string[];
  transferFeeBps: number | null;
  transferHookProgram: string | null;
  permanentDelegate: string | null;
  defaultAccountStateFrozen: boolean;
  pausable: boolean;
}

/** Parses mint account data; null when it is not an initialized mint. */
export function parseMintAccount(data: Uint8Array): ParsedMint | null {
  if (data.length < MINT_BASE_BYTES) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (data[45] !== 1) return null;
  const parsed: ParsedMint = {
    mintAuthority: readCOptionKey(data, view, 0),
    freezeAuthority: readCOptionKey(data, view, 46),
    supply: view.getBigUint64(36, true),
    decimals: data[44]!,
    extensions: [],
    transferFeeBps: null,
    transferHookProgram: null,
    permanentDelegate: null,
    defaultAccountStateFrozen: false,
    pausable: false,
  };
  if (data.length > ACCOUNT_TYPE_OFFSET) {
    if (data[ACCOUNT_TYPE_OFFSET] !== ACCOUNT_TYPE_MINT) return null;
    readExtensions(data, view, parsed);
  }
  return parsed;
}

function readExtensions(data: Uint8Array, view: DataView, into: ParsedMint): void {
  let offset = ACCOUNT_TYPE_OFFSET + 1;
  while (offset + 4 <= data.length) {
    const type = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    const start = offset + 4;
    if (type === 0 || start + length > data.length) break;
    into.extensions.push(EXTENSION_NAMES[type] ?? `extension_${type}`);
    applyExtension(data, view, type, start, length, into);
    offset = start + length;
  }
}

function applyExtension(data: Uint8Array, view: DataView, type: number, start: number, length: number, into: ParsedMint): void {
  if (type === 1 && length >= 108) into.transferFeeBps = view.getUint16(start + 106, true);
  else if (type === 11 && length >= 32) into.permanentDelegate = readOptionalKey(data, start);
  else if (type === 13 && length >= 64) into.transferHookProgram = readOptionalKey(data, start + 32);
  else if (type === 5 && length >= 1) into.defaultAccountStateFrozen = data[start] === 2;
  else if (type === 25) into.pausable = true;
}

function readCOptionKey(data: Uint8Array, view: DataView, offset: number): string | null {
  return view.getUint32(offset, true) === 1 ? encodeBase58(data, offset + 4, offset + 36) : null;
}

/** An OptionalNonZeroPubkey: 32 zero bytes mean none. */
function readOptionalKey(data: Uint8Array, offset: number): string | null {
  const key = data.subarray(offset, offset + 32);
  return key.every((b) => b === 0) ? null : encodeBase58(key);
}
