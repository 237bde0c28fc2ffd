import { type IncomingHttpHeaders } from 'node:http';

/** What a request presents as its API key, before anyone looks it up. */
export type PresentedCredential =
  { kind: 'none' } | { kind: 'key'; key: string } | { kind: 'malformed'; reason: string };

/** Longer than any key we issue: not worth hashing. */
const MAX_KEY_LENGTH = 256;

/**
 * Reads `Authorization: Bearer <key>`, `X-API-Key: <key>`, or `Authorization: Basic` with the key
 * as password (or as user name, for `curl -u KEY:`), which is what a browser prompt sends.
 */
export function presentedCredential(headers: IncomingHttpHeaders): PresentedCredential {
  const fromAuthorization = credentialOfAuthorization(headers.authorization);
  if (fromAuthorization.kind === 'malformed') return fromAuthorization;
  const apiKeyHeader = headers['x-api-key'];
  const fromHeader: PresentedCredential =
    typeof apiKeyHeader === 'string' ? asKey(apiKeyHeader.trim(), 'X-API-Key') : { kind: 'none' };
  if (fromHeader.kind === 'malformed') return fromHeader;
  if (fromAuthorization.kind === 'key' && fromHeader.kind === 'key') {
    return fromAuthorization.key === fromHeader.key
      ? fromAuthorization
      : { kind: 'malformed', reason: 'Authorization and X-API-Key carry two different keys.' };
  }
  return fromAuthorization.kind === 'key' ? fromAuthorization : fromHeader;
}

function credentialOfAuthorization(header: string | undefined): PresentedCredential {
  if (header === undefined || header.trim() === '') return { kind: 'none' };
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  const scheme = match?.[1].toLowerCase();
  if (match && scheme === 'bearer') return asKey(match[2], 'The bearer token');
  if (match && scheme === 'basic') {
    const decoded = Buffer.from(match[2], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const user = colon === -1 ? decoded : decoded.slice(0, colon);
    const password = colon === -1 ? '' : decoded.slice(colon + 1);
    return asKey(password || user, 'The Basic credentials');
  }
  return {
    kind: 'malformed',
    reason: 'The Authorization header must be "Bearer <key>" (or Basic with the key as password).',
  };
}

function asKey(key: string, what: string): PresentedCredential {
  if (key === '') return { kind: 'malformed', reason: `${what} is empty.` };
  if (key.length > MAX_KEY_LENGTH) return { kind: 'malformed', reason: `${what} is too long.` };
  return { kind: 'key', key };
}
