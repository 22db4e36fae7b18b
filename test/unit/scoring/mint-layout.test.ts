import bs58 from 'bs58';
import { describe, expect, it } from 'vitest';
import { buildMint, transferFeeConfig } from '../../helpers/mint-writer.js';
import { parseMintAccount } from '../../../src/analytics/scoring/mint-layout.js';
import { listMintRisks, mintFactsFromAccount, mintFactsFromLaunch } from '../../../src/analytics/scoring/mint-facts.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';

const KEY_A = new Uint8Array(32).fill(7);
const KEY_B = new Uint8Array(32).fill(9);

describe('parseMintAccount', () => {
  it('reads a revoked SPL mint', () => {
    expect(parseMintAccount(buildMint())).toEqual({
      mintAuthority: null, freezeAuthority: null, supply: 1_000_000_000_000_000n, decimals: 6, extensions: [],
      transferFeeBps: null, transferHookProgram: null, permanentDelegate: null, defaultAccountStateFrozen: false, pausable: false,
    });
  });

  it('reads extension types by the spl-token-2022 ExtensionType numbers (regression: they were one off from 5 on)', () => {
    // 11 CpiGuard, 13 NonTransferableAccount, 25 ScaledUiAmount carry nothing the score reads; 12, 14, 26 do.
    const harmless = parseMintAccount(buildMint({ extensions: [[11, KEY_A], [13, Buffer.concat([KEY_A, KEY_B])], [25, Uint8Array.from([1])], [19, Buffer.from('meta')]] }))!;
    expect(harmless).toMatchObject({ permanentDelegate: null, transferHookProgram: null, pausable: false, defaultAccountStateFrozen: false });
    expect(harmless.extensions).toEqual(['extension_11', 'extension_13', 'scaled_ui_amount', 'token_metadata']);
    const risky = parseMintAccount(buildMint({ extensions: [[26, Uint8Array.from([0])], [9, Uint8Array.from([])]] }))!;
    expect(risky).toMatchObject({ pausable: true, extensions: ['pausable', 'non_transferable'] });
  });

  it('reads authorities and Token-2022 extensions (fee, hook, delegate, default frozen, metadata)', () => {
    const data = buildMint({
      mintAuthority: KEY_A, freezeAuthority: KEY_B,
      extensions: [[1, transferFeeConfig(250)], [14, Buffer.concat([KEY_A, KEY_B])], [12, KEY_A], [6, Uint8Array.from([2])], [18, Buffer.from('meta')]],
    });
    expect(parseMintAccount(data)).toEqual({
      mintAuthority: bs58.encode(KEY_A), freezeAuthority: bs58.encode(KEY_B), supply: 1_000_000_000_000_000n, decimals: 6,
      extensions: ['transfer_fee_config', 'transfer_hook', 'permanent_delegate', 'default_account_state', 'metadata_pointer'],
      transferFeeBps: 250, transferHookProgram: bs58.encode(KEY_B), permanentDelegate: bs58.encode(KEY_A), defaultAccountStateFrozen: true, pausable: false,
    });
  });

  it('gives null for short, uninitialised or non-mint data and stops at a truncated extension', () => {
    expect(parseMintAccount(Buffer.alloc(40))).toBeNull();
    expect(parseMintAccount(Buffer.alloc(82))).toBeNull();
    const account = buildMint({ extensions: [] });
    account[165] = 2;
    expect(parseMintAccount(account)).toBeNull();
    const truncated = buildMint({ extensions: [[12, KEY_A]] }).subarray(0, 180);
    expect(parseMintAccount(truncated)?.extensions).toEqual([]);
  });
});

describe('mint facts', () => {
  it('settles Pump.fun launches from the create instruction and leaves LaunchLab to RPC', () => {
    expect(mintFactsFromLaunch('pumpfun', TOKEN_2022_PROGRAM_ID)).toMatchObject({ source: 'create_instruction', tokenProgram: 'token_2022', extensions: ['metadata_pointer', 'token_metadata'], mintAuthority: null });
    expect(mintFactsFromLaunch('pumpfun', TOKEN_PROGRAM_ID)).toMatchObject({ source: 'create_instruction', tokenProgram: 'spl_token', extensions: [] });
    expect(mintFactsFromLaunch('pumpfun', null)).toBeNull();
    expect(mintFactsFromLaunch('raydium_launchpad', TOKEN_PROGRAM_ID)).toBeNull();
  });

  it('lists the risks of a parsed account', () => {
    const parsed = parseMintAccount(buildMint({ mintAuthority: KEY_A, extensions: [[1, transferFeeConfig(0)], [12, KEY_B]] }))!;
    expect(listMintRisks(mintFactsFromAccount(parsed, TOKEN_2022_PROGRAM_ID))).toEqual(['mint_authority', 'permanent_delegate']);
  });
});
