/**
 * Reads every token account of a mint over Solana JSON-RPC (@solana/web3.js), rate limited by the shared
 * token bucket (src/rpc/rate-limiter.ts, 429 Retry-After honoured):
 * - complete reading: `getProgramAccounts` of the token program with a memcmp on the mint at offset 0
 *   (plus dataSize 165 for SPL Token; Token-2022 accounts may be longer, so memcmp only), with context
 *   so the reading has a slot;
 * - fallback when the node refuses getProgramAccounts (many public nodes do): `getTokenLargestAccounts`
 *   (the 20 largest accounts) + `getMultipleAccountsInfo` for their owners. That reading is PARTIAL: it
 *   corrects those accounts but cannot tell which other accounts were emptied.
 * Bytes are parsed by src/analytics/holders/token-account-layout.ts (mint 0..32, owner 32..64, amount u64
 * LE at 64).
 */
import { Connection, PublicKey } from '@solana/web3.js';
import { TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID } from '../../contracts/programs.js';
import { createRateLimitedFetch, createTokenBucket } from '../../rpc/rate-limiter.js';
import { parseTokenAccount, TOKEN_ACCOUNT_SIZE } from '../holders/token-account-layout.js';

export interface RpcTokenAccount {
  account: string;
  owner: string;
  /** Raw base units. */
  amount: bigint;
}

export interface MintAccountsReading {
  /** The slot the node read at. */
  slot: bigint;
  accounts: RpcTokenAccount[];
  /** True when every account of the mint is in `accounts` (getProgramAccounts); false for the fallback. */
  complete: boolean;
}

export interface HolderAccountsReader {
  /** Reads the accounts of `mint`; `tokenProgram` null = try SPL Token then Token-2022. */
  readMintAccounts(mint: string, tokenProgram: string | null): Promise<MintAccountsReading>;
}

export interface HolderAccountsReaderOptions {
  rpcUrl: string;
  requestsPerSecond: number;
  /** Injected for tests; default: the global fetch through the token bucket. */
  fetchImpl?: typeof fetch;
}

export function createHolderAccountsReader(options: HolderAccountsReaderOptions): HolderAccountsReader {
  const limiter = createTokenBucket({ requestsPerSecond: options.requestsPerSecond });
  const fetch = createRateLimitedFetch(limiter, options.fetchImpl ? { fetchImpl: options.fetchImpl } : {});
  const connection = new Connection(options.rpcUrl, { commitment: 'confirmed', fetch, disableRetryOnRateLimit: true });

  async function readProgram(mint: string, program: string): Promise<MintAccountsReading> {
    const filters = [{ memcmp: { offset: 0, bytes: mint } }, ...(program === TOKEN_PROGRAM_ID ? [{ dataSize: TOKEN_ACCOUNT_SIZE }] : [])];
    const response = await connection.getProgramAccounts(new PublicKey(program), { filters, withContext: true, encoding: 'base64' });
    const accounts: RpcTokenAccount[] = [];
    for (const { pubkey, account } of response.value) {
      const parsed = parseTokenAccount(account.data);
      if (parsed && parsed.mint === mint) accounts.push({ account: pubkey.toBase58(), owner: parsed.owner, amount: parsed.amount });
    }
    return { slot: BigInt(response.context.slot), accounts, complete: true };
  }

  async function readLargest(mint: string): Promise<MintAccountsReading> {
    const largest = await connection.getTokenLargestAccounts(new PublicKey(mint));
    const keys = largest.value.map((entry) => entry.address);
    const infos = keys.length ? await connection.getMultipleAccountsInfoAndContext(keys) : { context: largest.context, value: [] };
    const accounts: RpcTokenAccount[] = [];
    infos.value.forEach((info, i) => {
      const parsed = info ? parseTokenAccount(info.data) : null;
      if (parsed && parsed.mint === mint) accounts.push({ account: keys[i]!.toBase58(), owner: parsed.owner, amount: parsed.amount });
    });
    return { slot: BigInt(Math.min(largest.context.slot, infos.context.slot)), accounts, complete: false };
  }

  return {
    async readMintAccounts(mint, tokenProgram) {
      const programs = tokenProgram === TOKEN_2022_PROGRAM_ID ? [TOKEN_2022_PROGRAM_ID] : tokenProgram === TOKEN_PROGRAM_ID ? [TOKEN_PROGRAM_ID] : [TOKEN_PROGRAM_ID, TOKEN_2022_PROGRAM_ID];
      try {
        const readings = [];
        for (const program of programs) readings.push(await readProgram(mint, program));
        const slot = readings.reduce((min, r) => (r.slot < min ? r.slot : min), readings[0]!.slot);
        return { slot, accounts: readings.flatMap((r) => r.accounts), complete: true };
      } catch {
        return readLargest(mint);
      }
    },
  };
}
