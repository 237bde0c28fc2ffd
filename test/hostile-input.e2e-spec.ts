import { type Server } from 'node:http';

import request from 'supertest';

import { issueKey } from './support/api-keys';
import { asIs, expectProblem } from './support/problem';
import { backendsUnderTest, createTestApp, type TestApp } from './support/test-app';

const MB = 1024 * 1024;
const XDP_LINE = 'felix/int_dataplane.go 1747: failed to wipe the XDP state';
const FEEDBACK_PATH = '/api/v1/analyses/:analysis/feedback';

const nestedArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

interface HostileCase {
  /** What is sent, as it reads in the report. */
  name: string;
  method: 'get' | 'post' | 'delete';
  /** `:analysis` is replaced by a stored analysis's id. */
  path: string;
  contentType?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the admin key. */
  admin?: boolean;
  /** What it gets. */
  status: number;
  code?: string;
}

const json = (value: unknown): string => JSON.stringify(value);

/**
 * Every hostile or broken input and what it gets: always a precise 4xx problem+json, never a 5xx.
 * (Large pastes that are merely large are accepted: see the end of the file.)
 */
const CASES: HostileCase[] = [
  // Empty and blank text.
  {
    name: 'JSON with empty text',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: '' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an empty text/plain body',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    body: '',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an empty JSON body',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a JSON object without text',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  // Wrong types.
  {
    name: 'text as a number',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 42 }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'text as an array',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: ['a'] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'text as an object',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: { a: 1 } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'text as null',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: null }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'context as a string',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', context: '5.4' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'context as an array',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', context: [1] }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a kernel version as a number',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', context: { kernel: 5.4 } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'components as an array',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', context: { components: ['calico'] } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'source as a boolean',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', source: true }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a 101-character source',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', source: 's'.repeat(101) }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  // Unknown fields, prototype pollution included.
  {
    name: 'an unknown top-level field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', priority: 1 }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an unknown context field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json({ text: 'x', context: { kernal: '5.4' } }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a __proto__ field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text":"x","__proto__":{"admin":true}}',
    status: 400,
    code: 'RESERVED_JSON_KEY',
  },
  {
    name: 'a constructor.prototype field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text":"x","constructor":{"prototype":{"admin":true}}}',
    status: 400,
    code: 'RESERVED_JSON_KEY',
  },
  // Invalid JSON and JSON that is not an object.
  {
    name: 'truncated JSON',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text": "unterminated',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'single-quoted JSON',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: "{'text': 'x'}",
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'JSON with a trailing comma',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text": "x",}',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON string',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '"just text"',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'JSON null',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: 'null',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'a JSON array',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: json([{ text: 'x' }]),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  // Wrong content types, charsets and encodings.
  {
    name: 'application/xml',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/xml',
    body: '<text>x</text>',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a form body',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/x-www-form-urlencoded',
    body: 'text=x',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'multipart/form-data',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'multipart/form-data; boundary=x',
    body: '--x\r\n\r\nx\r\n--x--',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'application/octet-stream',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/octet-stream',
    body: Buffer.from([1, 2, 3]),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'no Content-Type',
    method: 'post',
    path: '/api/v1/triage',
    body: undefined,
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'JSON in latin1',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json; charset=latin1',
    body: json({ text: 'x' }),
    status: 415,
    code: 'UNSUPPORTED_CHARSET',
  },
  {
    name: 'text in an unknown charset',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain; charset=klingon',
    body: 'x',
    status: 415,
    code: 'UNSUPPORTED_CHARSET',
  },
  {
    name: 'an unknown Content-Encoding',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    headers: { 'Content-Encoding': 'zstd-ish' },
    body: 'x',
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
  },
  {
    name: 'gzip that is not gzip',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    headers: { 'Content-Encoding': 'gzip' },
    body: 'not gzip at all',
    status: 400,
    code: 'UNDECODABLE_BODY',
  },
  {
    name: 'brotli that is not brotli',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    headers: { 'Content-Encoding': 'br' },
    body: 'not brotli either',
    status: 400,
    code: 'UNDECODABLE_BODY',
  },
  // Binary and invalid UTF-8.
  {
    name: 'binary bytes as text/plain',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    body: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0xff, 0xfe, 0x80, 0x81]),
    status: 400,
    code: 'INVALID_UTF8',
  },
  {
    name: 'invalid UTF-8 (a lone continuation byte) in text',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain; charset=utf-8',
    body: Buffer.concat([Buffer.from('kernel: 5.4 '), Buffer.from([0x80]), Buffer.from(' calico')]),
    status: 400,
    code: 'INVALID_UTF8',
  },
  {
    name: 'an overlong UTF-8 encoding in a JSON string',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: Buffer.concat([Buffer.from('{"text":"a'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
    status: 400,
    code: 'INVALID_UTF8',
  },
  {
    name: 'a UTF-16 paste sent as UTF-8 (NUL bytes)',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'text/plain',
    body: Buffer.from('calico', 'utf16le'),
    status: 400,
    code: 'NUL_CHARACTER',
  },
  {
    name: 'a \\u0000 escape in JSON text',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text":"a\\u0000b"}',
    status: 400,
    code: 'NUL_CHARACTER',
  },
  {
    name: 'a \\u0000 escape in a JSON key',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: '{"text":"a","\\u0000":1}',
    status: 400,
    code: 'NUL_CHARACTER',
  },
  // Deep nesting: must crash neither the parser nor the validator.
  {
    name: '100 000 nested arrays as the body',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: nestedArrays(100_000),
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '100 000 nested objects as the body',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: nestedObjects(100_000),
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '100 000 nested arrays as the context',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: `{"text":"x","context":${nestedArrays(100_000)}}`,
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '100 000 nested arrays in an unknown field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: `{"text":"x","extra":${nestedArrays(100_000)}}`,
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '33 levels of JSON (one past the limit)',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: `{"text":"x","context":${nestedObjects(32)}}`,
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '32 levels of JSON (the limit): validated, unknown field',
    method: 'post',
    path: '/api/v1/triage',
    contentType: 'application/json',
    body: `{"text":"x","context":${nestedObjects(31)}}`,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: '100 000 nested arrays as feedback',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: nestedArrays(100_000),
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  {
    name: '100 000 nested objects as a new API key',
    method: 'post',
    path: '/api/v1/admin/api-keys',
    contentType: 'application/json',
    body: nestedObjects(100_000),
    admin: true,
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
  // Bad paths and parameters.
  {
    name: 'an analysis id that is not a UUID',
    method: 'get',
    path: '/api/v1/analyses/not-a-uuid',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'an analysis id with a NUL',
    method: 'get',
    path: '/api/v1/analyses/%00',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'broken percent-encoding in the path',
    method: 'get',
    path: '/api/v1/analyses/%E0%A4%A',
    status: 400,
  },
  {
    name: 'an unknown analysis',
    method: 'get',
    path: '/api/v1/analyses/00000000-0000-4000-8000-000000000000',
    status: 404,
    code: 'ANALYSIS_NOT_FOUND',
  },
  {
    name: 'a known-issue id with a NUL',
    method: 'get',
    path: '/api/v1/known-issues/a%00b',
    status: 404,
    code: 'KNOWN_ISSUE_NOT_FOUND',
  },
  {
    name: 'a 10 000-character known-issue id',
    method: 'get',
    path: `/api/v1/known-issues/${'a'.repeat(10_000)}`,
    status: 404,
    code: 'KNOWN_ISSUE_NOT_FOUND',
  },
  { name: 'an unknown route', method: 'get', path: '/api/v1/../../etc/passwd', status: 404 },
  { name: 'a method the route lacks', method: 'delete', path: '/api/v1/triage', status: 404 },
  // Feedback.
  {
    name: 'feedback as text/plain',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'text/plain',
    body: 'confirmed',
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'feedback without a body',
    method: 'post',
    path: FEEDBACK_PATH,
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'empty feedback',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: '{}',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'feedback with a wrong verdict',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: json({ issueId: 'x', verdict: 'maybe' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'feedback with a 10 000-character issue id',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: json({ issueId: 'a'.repeat(10_000), verdict: 'confirmed' }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'feedback with a 4001-character comment',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: json({
      issueId: 'calico-xdp-kernel-5.4',
      verdict: 'confirmed',
      comment: 'c'.repeat(4001),
    }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'feedback with a NUL in the comment',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: '{"issueId":"calico-xdp-kernel-5.4","verdict":"confirmed","comment":"a\\u0000"}',
    status: 400,
    code: 'NUL_CHARACTER',
  },
  {
    name: 'feedback with a numeric verdict',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: json({ issueId: 'calico-xdp-kernel-5.4', verdict: 1 }),
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'feedback on an unknown issue',
    method: 'post',
    path: FEEDBACK_PATH,
    contentType: 'application/json',
    body: json({ issueId: 'no-such-issue', verdict: 'confirmed' }),
    status: 422,
    code: 'FEEDBACK_ISSUE_UNKNOWN',
  },
  // Admin.
  {
    name: 'a new API key as a form',
    method: 'post',
    path: '/api/v1/admin/api-keys',
    contentType: 'application/x-www-form-urlencoded',
    body: 'name=x&scope=admin',
    admin: true,
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a new API key with a 101-character name',
    method: 'post',
    path: '/api/v1/admin/api-keys',
    contentType: 'application/json',
    body: json({ name: 'n'.repeat(101), scope: 'triage' }),
    admin: true,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a new API key with a name that is an object',
    method: 'post',
    path: '/api/v1/admin/api-keys',
    contentType: 'application/json',
    body: json({ name: { $gt: '' }, scope: 'triage' }),
    admin: true,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'revoking a key id that is not a UUID',
    method: 'delete',
    path: "/api/v1/admin/api-keys/1'%20OR%201=1",
    admin: true,
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  // Chat endpoints, unsigned.
  {
    name: 'an unsigned Teams message of invalid JSON',
    method: 'post',
    path: '/api/v1/chatops/teams/messages',
    contentType: 'application/json',
    body: '{"text":',
    status: 400,
    code: 'MALFORMED_JSON',
  },
  {
    name: 'an unsigned Teams message nested 100 000 deep',
    method: 'post',
    path: '/api/v1/chatops/teams/messages',
    contentType: 'application/json',
    body: nestedArrays(100_000),
    status: 400,
    code: 'JSON_TOO_DEEP',
  },
];

describe.each(backendsUnderTest())('hostile and broken input on %s', (backend) => {
  let sut: TestApp;
  let http: Server;
  let adminKey: string;
  let analysisId: string;

  beforeAll(async () => {
    sut = await createTestApp({
      backend,
      // Every route with a signature or a key configured, so none answers 503 or 401 first.
      env: {
        SLACK_SIGNING_SECRET: 'hostile-input-slack-secret-0123456789',
        MATTERMOST_TOKEN: 'hostileinputmattermosttoken01',
        TEAMS_SECURITY_TOKEN: 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=',
      },
    });
    http = sut.app.getHttpServer() as Server;
    adminKey = (await issueKey(sut, 'admin')).key;
    const created = await request(http).post('/api/v1/triage').send({ text: XDP_LINE }).expect(201);
    analysisId = created.body.id as string;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each(CASES.map((hostile) => [hostile.name, hostile] as const))(
    '%s → a precise 4xx problem',
    async (_name, hostile) => {
      const path = hostile.path.replace(':analysis', analysisId);
      let call = request(http)[hostile.method](path);
      if (hostile.contentType !== undefined) call = call.set('Content-Type', hostile.contentType);
      if (hostile.admin) call = call.set('Authorization', `Bearer ${adminKey}`);
      for (const [name, value] of Object.entries(hostile.headers ?? {}))
        call = call.set(name, value);
      const body = hostile.body;
      const response = await (body === undefined ? call : call.serialize(asIs(body)).send(body));

      expectProblem(response, hostile.status);
      if (hostile.code !== undefined) expect(response.body.code).toBe(hostile.code);
    },
  );

  it('answers headers larger than Node accepts with 431 problem+json', async () => {
    const response = await request(http)
      .get('/api/v1/known-issues')
      .set('X-Padding', 'p'.repeat(32 * 1024));

    expectProblem(response, 431);
    expect(response.body.code).toBe('MALFORMED_REQUEST');
  });

  it('accepts a single 5 MB line and answers with no cause', async () => {
    const line = 'x'.repeat(5 * MB);

    const response = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'text/plain')
      .send(line)
      .expect(201);

    expect(response.body.input).toEqual({ bytes: 5 * MB, lines: 1 });
    expect(response.body.causes).toEqual([]);
  }, 60_000);

  it('accepts 10 MB of one repeated character, as text and as JSON', async () => {
    const text = 'a'.repeat(10 * MB);

    const asText = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'text/plain')
      .send(text)
      .expect(201);
    const asJson = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'application/json')
      .send(json({ text }))
      .expect(201);

    expect(asText.body.input).toEqual({ bytes: 10 * MB, lines: 1 });
    expect(asJson.body.causes).toEqual([]);
  }, 60_000);

  it('refuses 10 MB of newlines as an empty paste (400)', async () => {
    const response = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'text/plain')
      .send('\n'.repeat(10 * MB));

    expectProblem(response, 400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
  }, 60_000);
});

describe('bodies over BODY_LIMIT', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ bodyLimit: '64kb' });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it.each([
    ['JSON', 'application/json', json({ text: 'x'.repeat(65 * 1024) })],
    ['text', 'text/plain', 'x'.repeat(65 * 1024)],
    ['deeply nested JSON', 'application/json', nestedArrays(40 * 1024)],
    ['feedback', 'application/json', json({ comment: 'x'.repeat(65 * 1024) })],
  ])('answers a %s body over the limit with 413', async (_name, contentType, body) => {
    const path =
      _name === 'feedback'
        ? '/api/v1/analyses/00000000-0000-4000-8000-000000000000/feedback'
        : '/api/v1/triage';

    const response = await request(http).post(path).set('Content-Type', contentType).send(body);

    expectProblem(response, 413);
    expect(response.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: `The request body exceeds the limit of ${64 * 1024} bytes.`,
    });
  });
});
