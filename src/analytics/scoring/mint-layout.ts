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

/**
 * Token-2022 extension type numbers → names: the `ExtensionType` enum of spl-token-2022 (the TLV type field).
 * Mint extensions and account extensions share the numbering; only mint ones appear in a mint account.
 */
export const EXTENSION_NAMES: Readonly<Record<number, string>> = {
  1: 'transfer_fee_config', 3: 'mint_close_authority', 4: 'confidential_transfer_mint', 6: 'default_account_state',
  9: 'non_transferable', 10: 'interest_bearing_config', 12: 'permanent_delegate', 14: 'transfer_hook',
  16: 'confidential_transfer_fee_config', 18: 'metadata_pointer', 19: 'token_metadata', 20: 'group_pointer',
  21: 'token_group', 22: 'group_member_pointer', 23: 'token_group_member', 24: 'confidential_mint_burn',
  25: 'scaled_ui_amount', 26: 'pausable',
};

/** The extension types whose data the scoring reads. */
const EXT_TRANSFER_FEE_CONFIG = 1;
const EXT_DEFAULT_ACCOUNT_STATE = 6;
const EXT_PERMANENT_DELEGATE = 12;
const EXT_TRANSFER_HOOK = 14;
const EXT_PAUSABLE = 26;

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
  if (type === EXT_TRANSFER_FEE_CONFIG && length >= 108) into.transferFeeBps = view.getUint16(start + 106, true);
  else if (type === EXT_PERMANENT_DELEGATE && length >= 32) into.permanentDelegate = readOptionalKey(data, start);
  else if (type === EXT_TRANSFER_HOOK && length >= 64) into.transferHookProgram = readOptionalKey(data, start + 32);
  else if (type === EXT_DEFAULT_ACCOUNT_STATE && length >= 1) into.defaultAccountStateFrozen = data[start] === 2;
  else if (type === EXT_PAUSABLE) into.pausable = true;
}

function readCOptionKey(data: Uint8Array, view: DataView, offset: number): string | null {
  return view.getUint32(offset, true) === 1 ? encodeBase58(data, offset + 4, offset + 36) : null;
}

/** An OptionalNonZeroPubkey: 32 zero bytes mean none. */
function readOptionalKey(data: Uint8Array, offset: number): string | null {
  const key = data.subarray(offset, offset + 32);
  return key.every((b) => b === 0) ? null : encodeBase58(key);
}
