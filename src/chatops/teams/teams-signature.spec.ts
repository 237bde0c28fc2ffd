import { createHmac, randomBytes } from 'node:crypto';

import { signTeamsRequest, verifyTeamsRequest } from './teams-signature';

describe(verifyTeamsRequest.name, () => {
  const token = randomBytes(32).toString('base64');
  const body = Buffer.from('{"type":"message","text":"<at>kubetriage</at> hello é"}');
  /** Independent of the code under test: HMAC keyed with the decoded token, over the raw bytes. */
  const independent = createHmac('sha256', Buffer.from(token, 'base64'))
    .update(body)
    .digest('base64');

  it('computes base64(HMAC-SHA256(base64-decoded token, raw body))', () => {
    expect(signTeamsRequest(token, body)).toBe(independent);
  });

  it('accepts a request signed with the security token', () => {
    expect(verifyTeamsRequest(token, `HMAC ${independent}`, body)).toEqual({ ok: true });
  });

  it('refuses a tampered body, another key and a missing or malformed header', () => {
    const other = randomBytes(32).toString('base64');

    expect(
      verifyTeamsRequest(token, `HMAC ${independent}`, Buffer.from(`${body.toString()} `)),
    ).toEqual({
      ok: false,
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(verifyTeamsRequest(other, `HMAC ${independent}`, body)).toMatchObject({
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(verifyTeamsRequest(token, `HMAC ${independent.slice(0, -4)}`, body)).toMatchObject({
      reason: 'SIGNATURE_MISMATCH',
    });
    expect(verifyTeamsRequest(token, undefined, body)).toMatchObject({
      reason: 'SIGNATURE_MISSING',
    });
    expect(verifyTeamsRequest(token, `Bearer ${independent}`, body)).toMatchObject({
      reason: 'SIGNATURE_MISSING',
    });
  });

  it('does not accept an HMAC keyed with the undecoded token string', () => {
    const wrongKey = createHmac('sha256', token).update(body).digest('base64');

    expect(verifyTeamsRequest(token, `HMAC ${wrongKey}`, body)).toMatchObject({
      reason: 'SIGNATURE_MISMATCH',
    });
  });
});
