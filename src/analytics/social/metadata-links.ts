/**
 * Pure helpers for token metadata: where to fetch a metadata URI (IPFS, Arweave or HTTP), and the
 * X/Twitter, Telegram and website links a metadata document names. Pump.fun and LaunchLab metadata put
 * them at the top level (`twitter`, `telegram`, `website`); some tools nest them under `extensions`
 * or `properties`. Anything that is not a usable link is ignored.
 */

export interface SocialLinks {
  /** X/Twitter account handle without @ (null for a post or community link). */
  twitterHandle: string | null;
  twitterUrl: string | null;
  /** Public Telegram chat name without @ (null for an invite link). */
  telegramChat: string | null;
  telegramUrl: string | null;
  website: string | null;
}

export interface Gateways {
  ipfs: string;
  arweave: string;
}

/** The http(s) URL to fetch for a metadata URI; null when the URI cannot be fetched. */
export function resolveMetadataUrl(uri: string | null | undefined, gateways: Gateways): string | null {
  const value = uri?.trim();
  if (!value) return null;
  if (value.startsWith('ipfs://')) return joinGateway(gateways.ipfs, value.slice('ipfs://'.length).replace(/^ipfs\//, ''));
  if (value.startsWith('ar://')) return joinGateway(gateways.arweave, value.slice('ar://'.length));
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

function joinGateway(gateway: string, path: string): string | null {
  if (!/^[A-Za-z0-9._/-]+$/.test(path)) return null;
  return `${gateway.endsWith('/') ? gateway : `${gateway}/`}${path}`;
}

/** Links named by a metadata document (any JSON value; non-objects give no links). */
export function extractSocialLinks(document: unknown): SocialLinks {
  const fields = collectFields(document);
  const twitterUrl = firstUrl(fields, ['twitter', 'x'], /^(?:www\.|mobile\.)?(?:twitter|x)\.com$/i);
  const telegramUrl = firstUrl(fields, ['telegram', 'tg'], /^(?:t\.me|telegram\.me)$/i);
  const website = firstUrl(fields, ['website', 'web', 'external_url'], null);
  return {
    twitterHandle: twitterUrl ? handleOf(twitterUrl, /^[A-Za-z0-9_]{1,15}$/, ['i', 'intent', 'home', 'search', 'hashtag']) : null,
    twitterUrl,
    telegramChat: telegramUrl ? handleOf(telegramUrl, /^[A-Za-z][A-Za-z0-9_]{3,31}$/, ['joinchat', 's', 'c', 'addstickers']) : null,
    telegramUrl,
    website: website && !/(?:twitter|x)\.com|t\.me|pump\.fun/i.test(new URL(website).hostname) ? website : null,
  };
}

function collectFields(document: unknown): Record<string, unknown> {
  if (!document || typeof document !== 'object' || Array.isArray(document)) return {};
  const top = document as Record<string, unknown>;
  const nested = [top['extensions'], top['properties'], top['links']].filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
  return Object.assign({}, ...nested.reverse(), top);
}

function firstUrl(fields: Record<string, unknown>, keys: string[], host: RegExp | null): string | null {
  for (const key of keys) {
    const raw = fields[key];
    if (typeof raw !== 'string' || raw.length > 300) continue;
    const candidate = /^https?:\/\//i.test(raw.trim()) ? raw.trim() : `https://${raw.trim()}`;
    try {
      const url = new URL(candidate);
      if (host === null ? url.hostname.includes('.') : host.test(url.hostname)) return url.toString();
    } catch {
      continue;
    }
  }
  return null;
}

function handleOf(url: string, pattern: RegExp, reserved: string[]): string | null {
  const first = new URL(url).pathname.split('/').filter(Boolean)[0]?.replace(/^@/, '');
  return first && pattern.test(first) && !reserved.includes(first.toLowerCase()) ? first : null;
}
