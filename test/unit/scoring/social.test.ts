import { describe, expect, it } from 'vitest';
import { extractSocialLinks, resolveMetadataUrl } from '../../../src/analytics/social/metadata-links.js';
import { audienceOf, growthPct } from '../../../src/analytics/social/social-growth.js';

const GATEWAYS = { ipfs: 'https://gw.example/ipfs/', arweave: 'https://ar.example' };

describe('resolveMetadataUrl', () => {
  it('maps ipfs:// and ar:// to the gateways, keeps http(s), refuses the rest', () => {
    expect(resolveMetadataUrl('ipfs://QmAbc123', GATEWAYS)).toBe('https://gw.example/ipfs/QmAbc123');
    expect(resolveMetadataUrl('ipfs://ipfs/QmAbc123', GATEWAYS)).toBe('https://gw.example/ipfs/QmAbc123');
    expect(resolveMetadataUrl('ar://tx_Id-1', GATEWAYS)).toBe('https://ar.example/tx_Id-1');
    expect(resolveMetadataUrl('https://ipfs.io/ipfs/QmX', GATEWAYS)).toBe('https://ipfs.io/ipfs/QmX');
    expect([resolveMetadataUrl('file:///etc/passwd', GATEWAYS), resolveMetadataUrl('ipfs://a b', GATEWAYS), resolveMetadataUrl('', GATEWAYS), resolveMetadataUrl(null, GATEWAYS)]).toEqual([null, null, null, null]);
  });
});

describe('extractSocialLinks', () => {
  it('reads Pump.fun style top-level links', () => {
    expect(extractSocialLinks({ name: 'X', twitter: 'https://x.com/SomeCoin', telegram: 'https://t.me/somecoin_chat', website: 'https://somecoin.io' })).toEqual({
      twitterHandle: 'SomeCoin', twitterUrl: 'https://x.com/SomeCoin', telegramChat: 'somecoin_chat', telegramUrl: 'https://t.me/somecoin_chat', website: 'https://somecoin.io/',
    });
  });

  it('reads nested extensions, keeps post/community/invite links without a handle, drops junk', () => {
    expect(extractSocialLinks({ extensions: { twitter: 'twitter.com/i/communities/123', telegram: 't.me/+AbCdEf', website: 'https://x.com/foo' } })).toEqual({
      twitterHandle: null, twitterUrl: 'https://twitter.com/i/communities/123', telegramChat: null, telegramUrl: 'https://t.me/+AbCdEf', website: null,
    });
    expect(extractSocialLinks({ twitter: 'not a url at all', telegram: 42, website: 'javascript:alert(1)' })).toEqual({ twitterHandle: null, twitterUrl: null, telegramChat: null, telegramUrl: null, website: null });
    expect(extractSocialLinks('text')).toEqual({ twitterHandle: null, twitterUrl: null, telegramChat: null, telegramUrl: null, website: null });
  });
});

describe('growth', () => {
  it('computes percent growth of followers + members, null without a base', () => {
    expect(audienceOf(100, 50)).toBe(150);
    expect(audienceOf(null, null)).toBeNull();
    expect(growthPct(150, 100)).toBe(50);
    expect(growthPct(90, 120)).toBe(-25);
    expect([growthPct(10, null), growthPct(null, 10), growthPct(10, 0)]).toEqual([null, null, null]);
  });
});
