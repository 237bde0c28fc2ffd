import { createHmac } from 'node:crypto';

import { signSlackRequest, verifySlackRequest } from './slack-signature';

/** The worked example of Slack's "Verifying requests from Slack". */
const SLACK_DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

const docRequest = (overrides: Partial<Parameters<typeof verifySlackRequest>[0]> = {}) => ({
  secret: SLACK_DOC.secret,
  timestamp: SLACK_DOC.timestamp,
  signature: SLACK_DOC.signature,
  rawBody: Buffer.from(SLACK_DOC.body),
  nowSeconds: Number(SLACK_DOC.timestamp) + 30,
  ...overrides,
});

describe(signSlackRequest.name, () => {
  it("reproduces the signature of Slack's documented example", () => {
    expect(signSlackRequest(SLACK_DOC.secret, SLACK_DOC.timestamp, SLACK_DOC.body)).toBe(
      SLACK_DOC.signature,
    );
  });

  it('agrees with an independent HMAC over the basestring', () => {
    const body = Buffer.from('text=caf%C3%A9+%E2%9C%93&user_id=U1');
    const expected = `v0=${createHmac('sha256', 's3cret').update(`v0:1700000000:${body.toString()}`).digest('hex')}`;

    expect(signSlackRequest('s3cret', '1700000000', body)).toBe(expected);
  });
});

describe(verifySlackRequest.name, () => {
  it("accepts Slack's documented example within five minutes of its timestamp", () => {
    expect(verifySlackRequest(docRequest())).toEqual({ ok: true });
    expect(verifySlackRequest(docRequest({ nowSeconds: 1531420618 + 300 }))).toEqual({ ok: true });
    expect(verifySlackRequest(docRequest({ nowSeconds: 1531420618 - 300 }))).toEqual({ ok: true });
  });

  it('accepts a freshly signed request', () => {
    const rawBody = Buffer.from('text=hello&user_id=U1');
    const now = 1_800_000_000;
    const signature = signSlackRequest('fresh-secret', String(now), rawBody);

    expect(
      verifySlackRequest({
        secret: 'fresh-secret',
        timestamp: String(now),
        signature,
        rawBody,
        nowSeconds: now,
      }),
    ).toEqual({ ok: true });
  });

  it('refuses a replay older than five minutes and a timestamp too far in the future', () => {
    expect(verifySlackRequest(docRequest({ nowSeconds: 1531420618 + 301 }))).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_RANGE',
    });
    expect(verifySlackRequest(docRequest({ nowSeconds: 1531420618 - 301 }))).toEqual({
      ok: false,
      reason: 'TIMESTAMP_OUT_OF_RANGE',
    });
  });

  it('refuses a tampered body, a wrong secret and a re-dated signature', () => {
    const tampered = Buffer.from(SLACK_DOC.body.replace('text=', 'text=rm+-rf'));
    expect(verifySlackRequest(docRequest({ rawBody: tampered }))).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(verifySlackRequest(docRequest({ secret: 'another-secret' }))).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(
      verifySlackRequest(docRequest({ timestamp: '1531420619', nowSeconds: 1531420619 })),
    ).toEqual({ ok: false, reason: 'SIGNATURE_MISMATCH' });
  });

  it('refuses signatures of another length or version without throwing', () => {
    for (const signature of [
      'v0=abc',
      SLACK_DOC.signature.replace('v0=', 'v1='),
      `${SLACK_DOC.signature}00`,
    ]) {
      expect(verifySlackRequest(docRequest({ signature }))).toEqual({
        ok: false,
        reason: 'SIGNATURE_MISMATCH',
      });
    }
  });

  it('refuses missing, repeated or malformed headers', () => {
    expect(verifySlackRequest(docRequest({ signature: undefined }))).toMatchObject({
      reason: 'SIGNATURE_MISSING',
    });
    expect(verifySlackRequest(docRequest({ timestamp: undefined }))).toMatchObject({
      reason: 'SIGNATURE_MISSING',
    });
    expect(
      verifySlackRequest(docRequest({ signature: [SLACK_DOC.signature, SLACK_DOC.signature] })),
    ).toMatchObject({ reason: 'SIGNATURE_MISSING' });
    expect(verifySlackRequest(docRequest({ timestamp: '1531420618.5' }))).toMatchObject({
      reason: 'TIMESTAMP_INVALID',
    });
    expect(verifySlackRequest(docRequest({ timestamp: '' }))).toMatchObject({
      reason: 'TIMESTAMP_INVALID',
    });
  });
});
