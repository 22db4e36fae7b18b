/**
 * Social score, 0-333 = twitter (0-133) + community (0-120) + virality (0-80). Every source is optional:
 * a token without social data scores 0 here, and `confidence` (share of sources that answered) goes
 * into score_details.
 *
 * - twitter: 30 for a linked X account; + 103 × (50 % log share of followers, 10,000 = full, + 50 %
 *   TweetScout account score / 1,000) when those are known.
 * - community: 25 for a Telegram link, 25 for a website, + 70 × log share of Telegram members (5,000 = full).
 * - virality: 80 × growth of the audience over the last hour (+100 % = full); no growth, no points.
 */
import { clamp, logShare, points } from './scale.js';
import type { SocialInputs } from '../../contracts/scoring.js';

export const TWITTER_MAX = 133;
export const COMMUNITY_MAX = 120;
export const VIRALITY_MAX = 80;
const TWITTER_LINK_POINTS = 30;
const FOLLOWERS_FULL = 10_000;
const ACCOUNT_SCORE_FULL = 1_000;
const LINK_POINTS = 25;
const MEMBERS_FULL = 5_000;

export interface SocialScore {
  twitter: number;
  community: number;
  virality: number;
  total: number;
}

export function scoreTwitter(social: SocialInputs): number {
  if (!social.hasTwitter) return 0;
  const followers = social.twitterFollowers === null ? 0 : logShare(social.twitterFollowers, FOLLOWERS_FULL);
  const account = social.twitterAccountScore === null ? 0 : clamp(social.twitterAccountScore / ACCOUNT_SCORE_FULL);
  return TWITTER_LINK_POINTS + points(TWITTER_MAX - TWITTER_LINK_POINTS, 0.5 * followers + 0.5 * account);
}

export function scoreCommunity(social: SocialInputs): number {
  const links = (social.hasTelegram ? LINK_POINTS : 0) + (social.hasWebsite ? LINK_POINTS : 0);
  const members = social.telegramMembers === null ? 0 : logShare(social.telegramMembers, MEMBERS_FULL);
  return links + points(COMMUNITY_MAX - 2 * LINK_POINTS, members);
}

export function scoreVirality(social: SocialInputs): number {
  return points(VIRALITY_MAX, (social.growthRate1hPct ?? 0) / 100);
}

export function scoreSocial(social: SocialInputs | null): SocialScore {
  if (social === null) return { twitter: 0, community: 0, virality: 0, total: 0 };
  const twitter = scoreTwitter(social);
  const community = scoreCommunity(social);
  const virality = scoreVirality(social);
  return { twitter, community, virality, total: twitter + community + virality };
}
