import { createHmac } from 'node:crypto';

import { constantTimeEqual } from '../security/constant-time-equal';

/**
 * Microsoft Teams outgoing webhooks sign each request with the security token shown when the
 * webhook is created: `Authorization: HMAC <base64(HMAC-SHA256(key = base64-decoded token,
 * message = raw body bytes))>`
 * (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook).
 * The scheme has no timestamp, so unlike Slack a captured request cannot be refused as a replay.
 */
export function signTeamsRequest(securityToken: string, rawBody: Buffer | string): string {
  const key = Buffer.from(securityToken, 'base64');
  return createHmac('sha256', key).update(rawBody).digest('base64');
}

export type TeamsVerification =
  { ok: true } | { ok: false; reason: 'SIGNATURE_MISSING' | 'SIGNATURE_MISMATCH' };

export function verifyTeamsRequest(
  securityToken: string,
  authorization: string | undefined,
  rawBody: Buffer,
): TeamsVerification {
  const match = /^HMAC\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) {
    return { ok: false, reason: 'SIGNATURE_MISSING' };
  }
  return constantTimeEqual(signTeamsRequest(securityToken, rawBody), match[1])
    ? { ok: true }
    : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}
