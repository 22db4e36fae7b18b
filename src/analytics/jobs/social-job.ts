/**
 * Social collection for active tokens: read each token's metadata document (once per URI: metadata on
 * IPFS/Arweave does not change; failures are retried after `FAILED_RETRY_MS`), take its X/Twitter,
 * Telegram and website links, ask TweetScout and the Telegram Bot API when configured, and write one
 * social_metrics row per token with growth against the rows of 1 h and 24 h before.
 *
 * raw_data: { links, twitterScore, sources: {metadata, twitter, telegram}, confidence }. Confidence is
 * the share of the three sources that answered (an unconfigured source did not answer): a missing API
 * key lowers confidence, it never fails the run.
 */
import type { Config } from '../../config.js';
import type { PgPool, Queryable } from '../../postgres/pg-pool.js';
import { insertSocialMetrics, listSocialCandidates, readAudienceAt, type SocialMetricsRow } from '../../postgres/social-repository.js';
import { createPeriodicJob, type JobLogger, type PeriodicJob } from './periodic-job.js';
import { fetchBounded } from './bounded-fetch.js';
import { extractSocialLinks, resolveMetadataUrl, type Gateways, type SocialLinks } from '../social/metadata-links.js';
import { createSocialClients, type SocialClients } from './social-clients.js';
import { audienceOf, growthPct } from '../social/social-growth.js';

const FAILED_RETRY_MS = 10 * 60_000;
const CACHE_MAX_ENTRIES = 50_000;
const PARALLEL_TOKENS = 8;

export interface SocialDeps {
  db: Queryable;
  gateways: Gateways;
  clients: SocialClients;
  timeoutMs: number;
  maxBytes: number;
  activeMinutes: number;
}

type CacheEntry = { links: SocialLinks | null; at: number };

export function createSocialCollector(deps: SocialDeps): { run(now: Date): Promise<number> } {
  const cache = new Map<string, CacheEntry>();

  async function linksOf(uri: string, now: number): Promise<SocialLinks | null> {
    const hit = cache.get(uri);
    if (hit && (hit.links !== null || now - hit.at < FAILED_RETRY_MS)) return hit.links;
    const url = resolveMetadataUrl(uri, deps.gateways);
    const response = url ? await fetchBounded(url, { timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes }) : null;
    let links: SocialLinks | null = null;
    if (response?.ok) {
      try {
        links = extractSocialLinks(JSON.parse(response.text));
      } catch {
        links = null;
      }
    }
    if (cache.size >= CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(uri, { links, at: now });
    return links;
  }

  async function collect(token: { tokenId: string; uri: string }, now: Date): Promise<Omit<SocialMetricsRow, 'socialGrowthRate1h' | 'socialGrowthRate24h'>> {
    const links = await linksOf(token.uri, now.getTime());
    const twitter = links?.twitterHandle && deps.clients.twitter ? await deps.clients.twitter(links.twitterHandle) : null;
    const members = links?.telegramChat && deps.clients.telegramMembers ? await deps.clients.telegramMembers(links.telegramChat) : null;
    const sources = { metadata: links !== null, twitter: twitter !== null, telegram: members !== null };
    return {
      tokenId: token.tokenId, timestamp: now, twitterFollowers: twitter?.followers ?? null, telegramMembers: members,
      rawData: {
        links: { twitter: links?.twitterUrl ?? null, twitterHandle: links?.twitterHandle ?? null, telegram: links?.telegramUrl ?? null, website: links?.website ?? null },
        twitterScore: twitter?.score ?? null, sources, confidence: Math.round((Object.values(sources).filter(Boolean).length / 3) * 100) / 100,
      },
    };
  }

  return {
    async run(now) {
      const tokens = await listSocialCandidates(deps.db, now, deps.activeMinutes);
      const collected: Array<Awaited<ReturnType<typeof collect>>> = [];
      for (let i = 0; i < tokens.length; i += PARALLEL_TOKENS) collected.push(...(await Promise.all(tokens.slice(i, i + PARALLEL_TOKENS).map((t) => collect(t, now)))));
      const ids = collected.map((c) => c.tokenId);
      const [hourAgo, dayAgo] = await Promise.all([readAudienceAt(deps.db, ids, new Date(now.getTime() - 3_600_000)), readAudienceAt(deps.db, ids, new Date(now.getTime() - 86_400_000))]);
      const rows = collected.map((c): SocialMetricsRow => {
        const audience = audienceOf(c.twitterFollowers, c.telegramMembers);
        const then = (m: Map<string, { followers: number | null; members: number | null }>) => { const x = m.get(c.tokenId); return x ? audienceOf(x.followers, x.members) : null; };
        return { ...c, socialGrowthRate1h: growthPct(audience, then(hourAgo)), socialGrowthRate24h: growthPct(audience, then(dayAgo)) };
      });
      await insertSocialMetrics(deps.db, rows);
      return rows.length;
    },
  };
}

/** The periodic job the service runs (SOCIAL_INTERVAL_MS). */
export function createSocialJob(deps: { pool: PgPool; config: Config; logger: JobLogger }): PeriodicJob {
  const { config } = deps;
  const collector = createSocialCollector({
    db: deps.pool, gateways: { ipfs: config.IPFS_GATEWAY_URL, arweave: config.ARWEAVE_GATEWAY_URL }, timeoutMs: config.SOCIAL_FETCH_TIMEOUT_MS,
    maxBytes: config.SOCIAL_METADATA_MAX_BYTES, activeMinutes: config.SCORING_ACTIVE_MINUTES,
    clients: createSocialClients({
      tweetScoutUrl: config.TWEETSCOUT_API_URL, tweetScoutKey: config.TWEETSCOUT_API_KEY, tweetScoutPerMinute: config.TWEETSCOUT_REQUESTS_PER_MINUTE,
      telegramUrl: config.TELEGRAM_API_URL, telegramToken: config.TELEGRAM_BOT_TOKEN, timeoutMs: config.SOCIAL_FETCH_TIMEOUT_MS,
    }),
  });
  return createPeriodicJob('social', config.SOCIAL_INTERVAL_MS, async () => {
    const written = await collector.run(new Date());
    deps.logger.info({ job: 'social', written }, 'social metrics collected');
  }, deps.logger);
}
