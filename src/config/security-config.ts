/**
 * Access control, rate limits and browser-facing headers: the part of AppConfig read from
 * API_AUTH, WEB_AUTH, CORS_ORIGINS, TRUST_PROXY, RATE_LIMIT_* and REDIS_URL.
 */

/** `required`: every API call needs a key; `off`: anonymous calls are the local user. */
export type ApiAuthMode = 'required' | 'off';
/** `open`: the pages need no key; `required`: they ask for one (HTTP Basic, the key as password). */
export type WebAuthMode = 'open' | 'required';

export interface RateLimitConfig {
  /** `RATE_LIMIT_TTL_MS`, default 60000: the length of one counting window. */
  windowMs: number;
  /** `RATE_LIMIT_MAX`, default 1200: requests per window from one client IP; 0 = no limit. */
  perIp: number;
  /** `RATE_LIMIT_KEY_MAX`, default 600: requests per window with one API key; 0 = no limit. */
  perKey: number;
  /**
   * `REDIS_URL` (`redis://` or `rediss://`): counters shared by every replica in Redis; unset =
   * counted in this process's memory.
   */
  redisUrl?: string;
  /** `RATE_LIMIT_REDIS_PREFIX`, default `kubetriage:rate-limit:`: the Redis key prefix. */
  redisKeyPrefix: string;
}

export interface SecurityConfig {
  /**
   * `API_AUTH`, default `off` so a fresh `npm start` answers curl at once; set `required` in
   * production (docker-compose does). The admin endpoints need an admin key in both modes.
   */
  apiAuth: ApiAuthMode;
  /** `WEB_AUTH`, default `open`: the paste form and result pages. */
  webAuth: WebAuthMode;
  /**
   * `CORS_ORIGINS`: comma-separated origins allowed to call the API from a browser, or `*`.
   * Unset: no CORS headers at all (same-origin only).
   */
  corsOrigins: string[];
  /**
   * `TRUST_PROXY`: Express's `trust proxy` (`true`, a hop count, or addresses/CIDRs such as
   * `loopback,10.0.0.0/8`), so the client IP of rate limits is the one the proxy saw. Unset: the
   * peer address is the client.
   */
  trustProxy?: boolean | number | string;
  rateLimit: RateLimitConfig;
}

const API_AUTH_MODES: readonly ApiAuthMode[] = ['required', 'off'];
const WEB_AUTH_MODES: readonly WebAuthMode[] = ['open', 'required'];
const PROXY_TOKEN = /^(?:loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(?:\/\d{1,3})?)$/;

/** Reads the security settings; every problem is appended to `problems`. */
export function parseSecurityConfig(
  value: (name: string) => string | undefined,
  problems: string[],
): SecurityConfig {
  const apiAuth = oneOf('API_AUTH', value('API_AUTH') ?? 'off', API_AUTH_MODES, problems);
  const webAuth = oneOf('WEB_AUTH', value('WEB_AUTH') ?? 'open', WEB_AUTH_MODES, problems);
  const corsOrigins = parseCorsOrigins(value('CORS_ORIGINS'), problems);
  const trustProxy = parseTrustProxy(value('TRUST_PROXY'), problems);
  const redisUrl = value('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\/\S+$/i.test(redisUrl)) {
    problems.push(`REDIS_URL must be a redis:// or rediss:// URL, got "${redisUrl}"`);
  }
  const rateLimit: RateLimitConfig = {
    windowMs: count('RATE_LIMIT_TTL_MS', value('RATE_LIMIT_TTL_MS'), 60_000, problems, 1),
    perIp: count('RATE_LIMIT_MAX', value('RATE_LIMIT_MAX'), 1200, problems),
    perKey: count('RATE_LIMIT_KEY_MAX', value('RATE_LIMIT_KEY_MAX'), 600, problems),
    ...(redisUrl === undefined ? {} : { redisUrl }),
    redisKeyPrefix: value('RATE_LIMIT_REDIS_PREFIX') ?? 'kubetriage:rate-limit:',
  };
  return {
    apiAuth,
    webAuth,
    corsOrigins,
    ...(trustProxy === undefined ? {} : { trustProxy }),
    rateLimit,
  };
}

function oneOf<T extends string>(
  name: string,
  raw: string,
  allowed: readonly T[],
  problems: string[],
): T {
  const found = allowed.find((candidate) => candidate === raw.toLowerCase());
  if (!found) {
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
    return allowed[0];
  }
  return found;
}

function count(
  name: string,
  raw: string | undefined,
  fallback: number,
  problems: string[],
  min = 0,
): number {
  if (raw === undefined) return fallback;
  const parsed = /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    problems.push(`${name} must be an integer of at least ${min}, got "${raw}"`);
    return fallback;
  }
  return parsed;
}

function parseCorsOrigins(raw: string | undefined, problems: string[]): string[] {
  if (raw === undefined) return [];
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins.length === 1 && origins[0] === '*') return ['*'];
  return origins.map((origin) => {
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // reported below
    }
    problems.push(`CORS_ORIGINS must list http(s) origins or be "*", got "${origin}"`);
    return origin;
  });
}

function parseTrustProxy(
  raw: string | undefined,
  problems: string[],
): boolean | number | string | undefined {
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return undefined;
  if (/^\d{1,3}$/.test(raw)) return Number(raw);
  const tokens = raw.split(',').map((token) => token.trim());
  if (tokens.every((token) => PROXY_TOKEN.test(token))) return tokens.join(',');
  problems.push(
    `TRUST_PROXY must be true, a hop count, or addresses/CIDRs (loopback, 10.0.0.0/8), got "${raw}"`,
  );
  return undefined;
}
