/**
 * Social collection against local stand-ins (node:http on 127.0.0.1, port 0) for the metadata host,
 * TweetScout and the Telegram Bot API: links from metadata, follower and member counts, growth against
 * the previous run, limits (oversized and slow documents are skipped, a 500 is retried), and the
 * scoring run reading it all back into the social score. Without keys the run still writes rows.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, type PgPool } from '../../../src/postgres/pg-pool.js';
import { writeBatch } from '../../../src/postgres/batch-writer.js';
import { createSocialCollector } from '../../../src/analytics/jobs/social-job.js';
import { createSocialClients } from '../../../src/analytics/jobs/social-clients.js';
import { createMintFactsReader } from '../../../src/analytics/jobs/mint-facts-reader.js';
import { runScoring } from '../../../src/analytics/jobs/scoring-run.js';
import { createMigratedDatabase, type TestDatabase } from '../../helpers/database.js';
import { SETTINGS } from '../../helpers/scoring-fixtures.js';
import { generateHistory } from '../../helpers/synthetic-history.js';

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('social collection', () => {
  let database: TestDatabase;
  let pool: PgPool;
  const servers: Server[] = [];
  let metadataUrl = '';
  let tweetScoutUrl = '';
  let telegramUrl = '';
  let followers = 1_000;
  let flaky = 0;
  const seenKeys: Array<string | undefined> = [];
  const history = generateHistory({ seed: 3, launches: 4, start: new Date(Date.now() - 20 * 60_000), spacingSeconds: 30, tradingMinutes: 10, until: new Date() });
  const [good, big, slow, flakyToken] = history;

  beforeAll(async () => {
    const meta = await serve((req, res) => {
      if (req.url === '/good.json') return res.end(JSON.stringify({ name: 'Good', twitter: 'https://x.com/goodcoin', telegram: 'https://t.me/goodcoin_chat', website: 'https://good.example' }));
      if (req.url === '/big.json') return res.end(JSON.stringify({ twitter: 'https://x.com/big', pad: 'x'.repeat(5_000) }));
      if (req.url === '/slow.json') return void setTimeout(() => res.end('{}'), 1_500);
      if (req.url === '/flaky.json') {
        flaky += 1;
        if (flaky === 1) { res.writeHead(500); return res.end(); }
        return res.end(JSON.stringify({ website: 'https://flaky.example' }));
      }
      res.writeHead(404);
      res.end();
    });
    const tweetScout = await serve((req, res) => {
      seenKeys.push(req.headers['apikey'] as string | undefined);
      if (req.url === '/v2/info/goodcoin') return res.end(JSON.stringify({ id: '1', screen_name: 'goodcoin', followers_count: followers }));
      if (req.url === '/v2/score/goodcoin') return res.end(JSON.stringify({ score: 400 }));
      res.writeHead(404);
      res.end('{}');
    });
    const telegram = await serve((req, res) => {
      if (req.url === '/botTEST:token/getChatMemberCount?chat_id=%40goodcoin_chat') return res.end(JSON.stringify({ ok: true, result: 250 }));
      res.end(JSON.stringify({ ok: false, description: 'chat not found' }));
    });
    servers.push(meta.server, tweetScout.server, telegram.server);
    [metadataUrl, tweetScoutUrl, telegramUrl] = [meta.url, `${tweetScout.url}/v2`, telegram.url];
    database = await createMigratedDatabase('social_job');
    pool = createPgPool({ connectionString: database.url, max: 4 });
    const names = ['good', 'big', 'slow', 'flaky'];
    history.forEach((launch, i) => (launch.batch.tokens[0]!.metadata = { uri: `${metadataUrl}/${names[i]}.json` }));
    for (const launch of history) await writeBatch(pool, launch.batch);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await pool?.end();
    await database?.drop();
  });

  const collector = (withKeys: boolean) => createSocialCollector({
    db: pool, gateways: { ipfs: `${metadataUrl}/ipfs/`, arweave: metadataUrl }, timeoutMs: 500, maxBytes: 2_048, activeMinutes: 180,
    clients: createSocialClients({ tweetScoutUrl, tweetScoutKey: withKeys ? 'ts-key' : undefined, tweetScoutPerMinute: 600, telegramUrl, telegramToken: withKeys ? 'TEST:token' : undefined, timeoutMs: 500 }),
  });

  it('writes links, followers, members and confidence; skips oversized and slow documents; retries a 500', async () => {
    const t0 = new Date();
    expect(await collector(true).run(t0)).toBe(4);
    const { rows } = await pool.query('select token_id, twitter_followers, telegram_members, social_growth_rate_1h, raw_data from social_metrics order by "timestamp"');
    const byToken = new Map(rows.map((r) => [r.token_id, r]));
    expect(byToken.get(good!.tokenId)).toMatchObject({
      twitter_followers: 1000, telegram_members: 250, social_growth_rate_1h: null,
      raw_data: { links: { twitter: 'https://x.com/goodcoin', twitterHandle: 'goodcoin', telegram: 'https://t.me/goodcoin_chat', website: 'https://good.example/' }, twitterScore: 400, sources: { metadata: true, twitter: true, telegram: true }, confidence: 1 },
    });
    expect(byToken.get(big!.tokenId)).toMatchObject({ twitter_followers: null, raw_data: { sources: { metadata: false, twitter: false, telegram: false }, confidence: 0 } });
    expect(byToken.get(slow!.tokenId)).toMatchObject({ raw_data: { confidence: 0 } });
    expect(byToken.get(flakyToken!.tokenId)).toMatchObject({ raw_data: { links: { website: 'https://flaky.example/' }, confidence: 0.33 } });
    expect(flaky).toBe(2);
    expect(new Set(seenKeys)).toEqual(new Set(['ts-key']));

    followers = 1_500;
    const c = collector(true);
    await c.run(new Date(t0.getTime() + 3_600_000));
    const { rows: [later] } = await pool.query('select social_growth_rate_1h::float8 as g from social_metrics where token_id = $1 order by "timestamp" desc limit 1', [good!.tokenId]);
    expect(later.g).toBe(40); // (1500 + 250) / (1000 + 250) − 1
  });

  it('still writes rows without any API key (lower confidence), and the scoring run reads social data back', async () => {
    await pool.query('delete from social_metrics');
    await collector(false).run(new Date());
    const { rows: [row] } = await pool.query('select twitter_followers, raw_data from social_metrics where token_id = $1', [good!.tokenId]);
    expect(row).toMatchObject({ twitter_followers: null, raw_data: { sources: { metadata: true, twitter: false, telegram: false }, confidence: 0.33 } });
    await collector(true).run(new Date(Date.now() + 1_000));
    const signalSettings = { buyMinScore: 999, buyMinProbability: 1, sellMaxScore: 0, takeProfitPct: 100, stopLossPct: 35, maxHoldMinutes: 60 };
    await runScoring({ db: pool, settings: SETTINGS, signalSettings, mintReader: createMintFactsReader({ db: pool, rpc: null }), publish: async () => undefined }, [good!.tokenId], new Date(Date.now() + 2_000));
    const { rows: [score] } = await pool.query('select twitter_score, community_score, virality_score, social_score, score_details from token_scores where token_id = $1', [good!.tokenId]);
    // twitter: 30 + 103 × (0.5 × ln(1501)/ln(10001) + 0.5 × 0.4) = 30 + 103 × 0.597 = 91; community: 50 + 70 × ln(251)/ln(5001) = 50 + 45
    expect(score).toMatchObject({ twitter_score: 91, community_score: 95, virality_score: 0, social_score: 186, score_details: { socialConfidence: 1 } });
  });
});
