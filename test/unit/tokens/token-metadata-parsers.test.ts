/**
 * The pure readers of token metadata: the Metaplex Metadata account (and its PDA), the Token-2022 mint with
 * its metadata extension, and what a token's accounts settle together (resolve-token-metadata.ts).
 */
import { PublicKey } from '@solana/web3.js';
import { describe, expect, it } from 'vitest';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { METAPLEX_METADATA_PROGRAM_ID, metaplexMetadataAddress, parseMetaplexMetadata } from '../../../src/analytics/tokens/metaplex-metadata.js';
import { parseMintMetadata } from '../../../src/analytics/tokens/token-2022-mint.js';
import { readMetaplexTexts, readMintDecimals, readMintSide } from '../../../src/analytics/tokens/resolve-token-metadata.js';
import { metaplexMetadataAccount, mintAccount, token2022MetadataTlv } from '../../helpers/token-metadata-accounts.js';
import { transferFeeConfig } from '../../helpers/mint-writer.js';

const MINT = 'WMgdN6XrdDxSamrZrKfEY6xe6QWD5bb9RaDuAbtwFPt';
const OTHER = '5cHHA3idGG1e7X1oMVuxTq2u8jWoY65iHvAC4Tc4H2ya';
const TEXTS = { name: 'Reward Coin', symbol: 'RWD', uri: 'https://example.invalid/rwd.json' };

describe('Metaplex Metadata', () => {
  it('reads authority, mint and the NUL-padded texts', () => {
    expect(parseMetaplexMetadata(metaplexMetadataAccount(MINT, TEXTS, OTHER))).toEqual({ updateAuthority: OTHER, mint: MINT, ...TEXTS });
  });

  it('gives null for another key, cut data, or a text longer than the program allows', () => {
    const data = metaplexMetadataAccount(MINT, TEXTS);
    expect(parseMetaplexMetadata(Uint8Array.from([5, ...data.subarray(1)]))).toBeNull();
    expect(parseMetaplexMetadata(data.subarray(0, 100))).toBeNull();
    expect(parseMetaplexMetadata(metaplexMetadataAccount(MINT, { ...TEXTS, uri: 'u'.repeat(201) }))).toBeNull();
  });

  it('derives the metadata PDA ["metadata", program, mint] as web3.js does', () => {
    const program = new PublicKey(METAPLEX_METADATA_PROGRAM_ID);
    for (const mint of [MINT, OTHER, 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v']) {
      const [expected] = PublicKey.findProgramAddressSync([Buffer.from('metadata'), program.toBuffer(), new PublicKey(mint).toBuffer()], program);
      expect(metaplexMetadataAddress(mint)).toBe(expected.toBase58());
    }
  });
});

describe('Token-2022 mint with the metadata extension', () => {
  it('reads decimals and, past a transfer-fee extension, the pointer and the in-mint metadata', () => {
    const data = mintAccount(9, [[1, transferFeeConfig(300)], ...token2022MetadataTlv(MINT, TEXTS, [['twitter', 'https://x.com/rwd']])]);
    expect(parseMintMetadata(data)).toEqual({
      decimals: 9, supply: 1_000_000_000_000_000n, metadataPointer: MINT,
      metadata: { updateAuthority: null, mint: MINT, ...TEXTS, additional: [['twitter', 'https://x.com/rwd']] },
    });
  });

  it('keeps the texts when the additional_metadata vector is cut, and reads an SPL mint (82 bytes) without metadata', () => {
    const [pointer, metadata] = token2022MetadataTlv(MINT, TEXTS, [['a', 'b']]);
    const cut: [number, Uint8Array] = [19, metadata![1].subarray(0, metadata![1].length - 2)];
    expect(parseMintMetadata(mintAccount(6, [pointer!, cut]))?.metadata).toEqual({ updateAuthority: null, mint: MINT, ...TEXTS, additional: [] });
    expect(parseMintMetadata(mintAccount(6))).toEqual({ decimals: 6, supply: 1_000_000_000_000_000n, metadataPointer: null, metadata: null });
  });

  it('gives null for an uninitialized mint and for a Token-2022 account that is not a mint', () => {
    const uninitialized = mintAccount(6);
    uninitialized[45] = 0;
    expect(parseMintMetadata(uninitialized)).toBeNull();
    const account = mintAccount(6, token2022MetadataTlv(MINT, TEXTS));
    account[165] = 2;
    expect(parseMintMetadata(account)).toBeNull();
  });
});

describe('what a token\'s accounts settle', () => {
  it('takes decimals and the token program from the mint account, texts from its own metadata extension only', () => {
    const own = { owner: TOKEN_2022_PROGRAM_ID, data: mintAccount(6, token2022MetadataTlv(MINT, TEXTS)) };
    expect(readMintSide(MINT, own)).toEqual({ decimals: 6, tokenProgram: TOKEN_2022_PROGRAM_ID, texts: TEXTS, problem: null });
    expect(readMintSide(OTHER, own)).toEqual({ decimals: 6, tokenProgram: TOKEN_2022_PROGRAM_ID, texts: null, problem: null });
    expect(readMintSide(MINT, null)).toEqual({ decimals: null, tokenProgram: null, texts: null, problem: 'mint account not found' });
    expect(readMintSide(MINT, { owner: METAPLEX_METADATA_PROGRAM_ID, data: own.data }).problem).toBe(`mint account owned by ${METAPLEX_METADATA_PROGRAM_ID}, not a token program`);
    expect(readMintDecimals({ owner: TOKEN_PROGRAM_ID, data: mintAccount(8) })).toBe(8);
  });

  it('takes Metaplex texts only from an account of the metadata program describing this mint', () => {
    const account = { owner: METAPLEX_METADATA_PROGRAM_ID, data: metaplexMetadataAccount(MINT, TEXTS) };
    expect(readMetaplexTexts(MINT, account)).toEqual(TEXTS);
    expect(readMetaplexTexts(OTHER, account)).toBeNull();
    expect(readMetaplexTexts(MINT, { ...account, owner: TOKEN_PROGRAM_ID })).toBeNull();
  });
});
