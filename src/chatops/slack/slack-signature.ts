import { createHmac } from 'node:crypto';

import { constantTimeEqual } from '../security/constant-time-equal';

/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex(HMAC-SHA256(signing secret, `v0:` + X-Slack-Request-Timestamp + `:` + raw body)).
 */
export const SLACK_SIGNATURE_VERSION = 'v0';

/** Slack's advice: refuse requests more than five minutes away from the local clock. */
export const SLACK_MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function signSlackRequest(
  secret: string,
  timestamp: string,
  rawBody: Buffer | string,
): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${SLACK_SIGNATURE_VERSION}:${timestamp}:`, 'utf8');
  hmac.update(rawBody);
  return `${SLACK_SIGNATURE_VERSION}=${hmac.digest('hex')}`;
}

export type SlackVerificationFailure =
  'SIGNATURE_MISSING' | 'TIMESTAMP_INVALID' | 'TIMESTAMP_OUT_OF_RANGE' | 'SIGNATURE_MISMATCH';

export type SlackVerification = { ok: true } | { ok: false; reason: SlackVerificationFailure };

export interface SlackSignedRequest {
  secret: string;
  /** The `X-Slack-Request-Timestamp` header (a repeated header arrives as an array: refused). */
  timestamp: string | string[] | undefined;
  /** The `X-Slack-Signature` header. */
  signature: string | string[] | undefined;
  /** The body bytes exactly as received, never a re-serialised body. */
  rawBody: Buffer;
  /** The local clock, in seconds since the epoch. */
  nowSeconds: number;
}

/** Checks one request; pure, so the controller's guard and the tests share it. */
export function verifySlackRequest(request: SlackSignedRequest): SlackVerification {
  const { timestamp, signature } = request;
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || signature === '') {
    return { ok: false, reason: 'SIGNATURE_MISSING' };
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: 'TIMESTAMP_INVALID' };
  }
  if (Math.abs(request.nowSeconds - Number(timestamp)) > SLACK_MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'TIMESTAMP_OUT_OF_RANGE' };
  }
  const expected = signSlackRequest(request.secret, timestamp, request.rawBody);
  return constantTimeEqual(expected, signature)
    ? { ok: true }
    : { ok: false, reason: 'SIGNATURE_MISMATCH' };
}
