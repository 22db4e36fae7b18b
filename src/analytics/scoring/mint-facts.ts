/**
 * How a token's mint facts (`MintFacts`, src/contracts/scoring.ts: who can mint more or freeze accounts,
 * and which Token-2022 extensions could take value from holders) are settled: from the create
 * instruction when the launchpad fixes them, otherwise from the mint account read over RPC and parsed
 * by `parseMintAccount`. Pure.
 *
 * Launch facts (public program behaviour):
 * - Pump.fun `create` (SPL Token): the program mints the supply and revokes the mint authority; no
 *   freeze authority.
 * - Pump.fun `create_v2` (Token-2022): same authorities; the only extensions are metadata pointer and
 *   token metadata (no transfer fee, hook or permanent delegate).
 * - Raydium LaunchLab: the settings depend on the launch (Token-2022 launches may carry a transfer
 *   fee), so the mint account is read.
 */
import type { MintFacts } from '../../contracts/scoring.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../contracts/programs.js';
import type { ParsedMint } from './mint-layout.js';

/** Facts when nothing is known: scored as neutral, flagged nowhere, confidence lowered. */
export const UNKNOWN_MINT_FACTS: MintFacts = {
  source: 'unknown', tokenProgram: 'unknown', mintAuthority: null, freezeAuthority: null, extensions: [],
  transferFeeBps: null, transferHookProgram: null, permanentDelegate: null, defaultAccountStateFrozen: false, pausable: false,
};

function programOf(tokenProgram: string | null): MintFacts['tokenProgram'] {
  if (tokenProgram === TOKEN_PROGRAM_ID) return 'spl_token';
  if (tokenProgram === TOKEN_2022_PROGRAM_ID) return 'token_2022';
  return 'unknown';
}

/**
 * Facts settled by the launch itself, or null when the mint account must be read. `tokenProgram` is
 * tokens.token_program (null for a token discovered through a trade).
 */
export function mintFactsFromLaunch(platform: string, tokenProgram: string | null): MintFacts | null {
  if (platform !== 'pumpfun') return null;
  const program = programOf(tokenProgram);
  if (program === 'unknown') return null;
  return {
    ...UNKNOWN_MINT_FACTS,
    source: 'create_instruction',
    tokenProgram: program,
    extensions: program === 'token_2022' ? ['metadata_pointer', 'token_metadata'] : [],
  };
}

/** Facts from a parsed mint account. */
export function mintFactsFromAccount(parsed: ParsedMint, owner: string): MintFacts {
  return {
    source: 'rpc',
    tokenProgram: programOf(owner),
    mintAuthority: parsed.mintAuthority,
    freezeAuthority: parsed.freezeAuthority,
    extensions: parsed.extensions,
    transferFeeBps: parsed.transferFeeBps,
    transferHookProgram: parsed.transferHookProgram,
    permanentDelegate: parsed.permanentDelegate,
    defaultAccountStateFrozen: parsed.defaultAccountStateFrozen,
    pausable: parsed.pausable,
  };
}

/** The risky settings present, by name (empty = none). Each is also a red flag `mint:<name>`. */
export function listMintRisks(facts: MintFacts): string[] {
  const risks: string[] = [];
  if (facts.mintAuthority !== null) risks.push('mint_authority');
  if (facts.freezeAuthority !== null) risks.push('freeze_authority');
  if (facts.transferFeeBps !== null && facts.transferFeeBps > 0) risks.push('transfer_fee');
  if (facts.transferHookProgram !== null) risks.push('transfer_hook');
  if (facts.permanentDelegate !== null) risks.push('permanent_delegate');
  if (facts.defaultAccountStateFrozen) risks.push('default_frozen');
  if (facts.pausable) risks.push('pausable');
  if (facts.extensions.includes('non_transferable')) risks.push('non_transferable');
  return risks;
}
