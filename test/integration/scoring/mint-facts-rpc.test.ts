/**
 * Mint facts read over RPC (the local JSON-RPC stand-in serving getAccountInfo) for launches whose create
 * instruction does not settle them: parsed, stored once in token_mint_facts, turned into contract points
 * and `mint:*` red flags; a missing account stays unknown (neutral) and is asked again later.
 */
import bs58 from 'bs58';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { createRpcClient } from '../../../src/rpc/rpc-client.js';
import { createMintFactsReader } from '../../../src/analytics/jobs/mint-facts-reader.js';
import { readInputs } from '../../../src/analytics/jobs/scoring-run.js';
import { scoreInputs } from '../../../src/analytics/scoring/score-batch.js';
import { TOKEN_2022_PROGRAM_ID } from '../../../src/contracts/programs.js';
import { startRpcServer, type RpcServer } from '../../helpers/rpc-server.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { SETTINGS } from '../../helpers/scoring-fixtures.js';
import { buildMint, transferFeeConfig } from '../../helpers/mint-writer.js';
import { generateHistory } from '../../helpers/synthetic-history.js';

describe('mint facts over RPC', () => {
  let database: TestDatabase;
  let pool: PgPool;
  let rpc: RpcServer;
  const now = new Date();
  const [launchLab, discovered, pump] = generateHistory({ seed: 21, launches: 3, start: new Date(now.getTime() - 15 * 60_000), spacingSeconds: 60, tradingMinutes: 10, until: now });
  const freeze = new Uint8Array(32).fill(3);

  beforeAll(async () => {
    launchLab!.batch.tokens[0]!.platform = 'raydium_launchpad';
    discovered!.batch.tokens[0]!.tokenProgram = null;
    database = await createMigratedDatabase('mint_facts_rpc');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    for (const launch of [launchLab!, discovered!, pump!]) await writeBatch(pool, launch.batch);
    rpc = await startRpcServer();
    rpc.setAccount(launchLab!.batch.tokens[0]!.mint, { owner: TOKEN_2022_PROGRAM_ID, data: buildMint({ freezeAuthority: freeze, extensions: [[1, transferFeeConfig(300)], [19, Buffer.from('m')]] }) });
  });

  afterAll(async () => {
    await rpc?.close();
    await pool?.end();
    await database?.drop();
  });

  it('reads, stores and scores the mint; does not read settled or stored mints again', async () => {
    const reader = createMintFactsReader({ db: pool, rpc: createRpcClient({ rpcUrl: rpc.url, requestsPerSecond: 100 }) });
    const ids = [launchLab!.tokenId, discovered!.tokenId, pump!.tokenId];
    const inputs = await readInputs({ db: pool, mintReader: reader }, ids, now);
    const byId = new Map(inputs.map((i) => [i.tokenId, i]));
    expect(byId.get(launchLab!.tokenId)!.mintFacts).toEqual({
      source: 'rpc', tokenProgram: 'token_2022', mintAuthority: null, freezeAuthority: bs58.encode(freeze), extensions: ['transfer_fee_config', 'token_metadata'],
      transferFeeBps: 300, transferHookProgram: null, permanentDelegate: null, defaultAccountStateFrozen: false, pausable: false,
    });
    expect(byId.get(discovered!.tokenId)!.mintFacts.source).toBe('unknown');
    expect(byId.get(pump!.tokenId)!.mintFacts.source).toBe('create_instruction');
    expect(rpc.requestCounts.get('getAccountInfo')).toBe(2);
    const { rows } = await pool.query('select token_id, facts->>\'source\' as source, slot from token_mint_facts');
    expect(rows).toEqual([{ token_id: launchLab!.tokenId, source: 'rpc', slot: expect.any(BigInt) }]);

    const scored = new Map(scoreInputs(inputs, SETTINGS, null).map((r) => [r.tokenId, r]));
    expect(scored.get(launchLab!.tokenId)).toMatchObject({ contractScore: 10, redFlags: expect.arrayContaining(['mint:freeze_authority', 'mint:transfer_fee']) });
    expect(scored.get(discovered!.tokenId)!.contractScore).toBe(40);
    expect(scored.get(pump!.tokenId)!.contractScore).toBe(80);

    await readInputs({ db: pool, mintReader: reader }, ids, now);
    expect(rpc.requestCounts.get('getAccountInfo')).toBe(3); // only the still-unknown mint is asked again
  });
});
