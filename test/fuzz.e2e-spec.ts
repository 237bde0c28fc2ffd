import { createHmac } from 'node:crypto';
import { type Server } from 'node:http';

import { Logger } from '@nestjs/common';
import fc from 'fast-check';
import request, { type Response } from 'supertest';

import { issueKey } from './support/api-keys';
import { asIs, PROBLEM_JSON } from './support/problem';
import { backendsUnderTest, createTestApp, type TestApp } from './support/test-app';

/**
 * Random bodies, headers and content types against every route the application serves (read from
 * its router, so a new route is fuzzed without touching this file). Invariants: no 5xx, and every
 * 4xx of the API is a valid problem+json; the web pages answer theirs as HTML pages.
 *
 * The seed is fixed so that CI is reproducible; FUZZ_SEED=<n> explores others, FUZZ_RUNS=<n> more
 * runs. A failure prints the seed and the shrunk counterexample.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const SLACK_SECRET = 'fuzz-slack-signing-secret-0123456789';
const MATTERMOST_TOKEN = 'fuzzmattermosttoken0123456789';
const TEAMS_TOKEN = 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=';

interface Route {
  method: string;
  path: string;
}

interface FuzzRequest {
  route: Route;
  method: string;
  params: string[];
  contentType: string | undefined;
  body: string | Buffer | undefined;
  credential: string | undefined;
  apiKeyHeader: string | undefined;
  contentEncoding: string | undefined;
  accept: string | undefined;
  /** Signed as the route's chat platform signs, with its media type (ignored elsewhere). */
  signed: boolean;
}

const PLATFORM_MEDIA_TYPES: Record<string, string> = {
  slack: 'application/x-www-form-urlencoded',
  mattermost: 'application/x-www-form-urlencoded',
  teams: 'application/json',
};

/** Printable ASCII: what Node lets a client put in a header value. */
const headerText = (maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: 'grapheme-ascii', maxLength });

const nested = (depth: number, open: string, close: string): string =>
  open.repeat(depth) + close.repeat(depth);

const triageShaped = fc.record(
  {
    text: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue({ maxDepth: 2 })),
    context: fc.oneof(
      fc.record(
        {
          kernel: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
          os: fc.string({ maxLength: 30 }),
          kubernetes: fc.string({ maxLength: 30 }),
          components: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), {
            maxKeys: 4,
          }),
        },
        { requiredKeys: [] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    source: fc.jsonValue({ maxDepth: 1 }),
  },
  { requiredKeys: [] },
);

const feedbackShaped = fc.record(
  {
    issueId: fc.oneof(fc.constant('calico-xdp-kernel-5.4'), fc.string({ maxLength: 40 })),
    verdict: fc.oneof(fc.constantFrom('confirmed', 'rejected'), fc.jsonValue({ maxDepth: 1 })),
    comment: fc.oneof(fc.string({ maxLength: 100 }), fc.integer()),
  },
  { requiredKeys: [] },
);

const apiKeyShaped = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue({ maxDepth: 1 })),
    scope: fc.oneof(fc.constantFrom('triage', 'admin'), fc.string({ maxLength: 10 })),
  },
  { requiredKeys: [] },
);

const formShaped = fc
  .dictionary(
    fc.oneof(
      fc.constantFrom('text', 'command', 'payload', 'token', 'response_url', 'kernel', 'cni'),
      fc.string({ maxLength: 10 }),
    ),
    fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc.constant(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'x' }] })),
    ),
    { maxKeys: 5 },
  )
  .map((fields) => new URLSearchParams(fields).toString());

const bodies: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  fc.json({ maxDepth: 4 }),
  fc.oneof(triageShaped, feedbackShaped, apiKeyShaped).map((value) => JSON.stringify(value)),
  formShaped,
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => nested(depth, '[', ']')),
  fc
    .integer({ min: 1, max: 20_000 })
    .map((depth) => nested(depth, '{"a":', '}').replace(/}$/, '1}')),
  fc.constantFrom(
    '{"__proto__":{"x":1}}',
    '{"text":"x"',
    'null',
    '[]',
    '"\\ud800"',
    '{"text":"\\u0000"}',
  ),
);

/** Mostly the types the routes read, so that most bodies get parsed and validated. */
const contentTypes: fc.Arbitrary<string | undefined> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
    ),
  },
  fc.constant(undefined),
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/json; charset=utf-16le',
    'application/json; charset=latin1',
    'application/vnd.kubetriage+json',
    'text/plain',
    'text/plain; charset=iso-8859-1',
    'text/plain; charset=bogus',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=fuzz',
    'multipart/form-data',
    'application/xml',
    'application/octet-stream',
    'text/html',
  ),
  headerText(40),
);

describe.each(backendsUnderTest())('fuzzing every route on %s', (backend) => {
  let sut: TestApp;
  let http: Server;
  let routes: Route[];
  let validKeys: string[];
  let analysisId: string;

  beforeAll(async () => {
    sut = await createTestApp({
      backend,
      logLevel: 'fatal',
      env: {
        API_AUTH: 'required',
        RATE_LIMIT_MAX: '0',
        RATE_LIMIT_KEY_MAX: '0',
        BODY_LIMIT: '256kb',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        MATTERMOST_TOKEN,
        TEAMS_SECURITY_TOKEN: TEAMS_TOKEN,
        // Results of slow or large chat commands go to a response_url: never a real one here.
        SLACK_RESPONSE_URL_ORIGINS: 'http://127.0.0.1:9',
      },
    });
    Logger.overrideLogger(false);
    http = sut.app.getHttpServer() as Server;
    routes = routesOf(sut);
    const admin = await issueKey(sut, 'admin');
    const triage = await issueKey(sut, 'triage');
    validKeys = [admin.key, triage.key];
    const created = await request(http)
      .post('/api/v1/triage')
      .set('Authorization', `Bearer ${admin.key}`)
      .send({ text: 'felix: failed to wipe the XDP state' })
      .expect(201);
    analysisId = created.body.id as string;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('serves the routes it fuzzes', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/api/v1/triage' },
        { method: 'POST', path: '/api/v1/analyses/:id/feedback' },
        { method: 'DELETE', path: '/api/v1/admin/api-keys/:id' },
        { method: 'POST', path: '/api/v1/chatops/teams/messages' },
        { method: 'POST', path: '/analyses' },
      ]),
    );
  });

  it(`never answers 5xx, and every API 4xx is problem+json (seed ${SEED}, ${RUNS} runs)`, async () => {
    const param = fc.oneof(
      fc.constant(analysisId),
      fc.uuid(),
      fc.constantFrom('calico-xdp-kernel-5.4', 'app.css', '%00', '..', '%E0%A4%A', '%2F', ''),
      fc.string({ maxLength: 300 }).map(encodeURIComponent),
    );
    // Mostly a valid key, so that most requests get past authentication to the parsing.
    const credential = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      {
        weight: 5,
        arbitrary: fc.constantFrom(...validKeys).map((key) => `Bearer ${key}`),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...validKeys)
          .map((key) => `Basic ${Buffer.from(`u:${key}`).toString('base64')}`),
      },
      {
        weight: 2,
        arbitrary: fc.oneof(
          headerText(60).map((token) => `Bearer ${token}`),
          headerText(60).map((text) => `Basic ${Buffer.from(text).toString('base64')}`),
          headerText(60).map((text) => `HMAC ${text}`),
          headerText(80),
        ),
      },
    );
    const fuzzRequest: fc.Arbitrary<FuzzRequest> = fc.record({
      route: fc.constantFrom(...routes),
      method: fc.oneof(
        { weight: 9, arbitrary: fc.constant('') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        },
      ),
      params: fc.array(param, { minLength: 2, maxLength: 2 }),
      contentType: contentTypes,
      body: bodies,
      credential,
      apiKeyHeader: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom(...validKeys) },
        { weight: 1, arbitrary: headerText(60) },
      ),
      contentEncoding: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-fuzz') },
      ),
      accept: fc.option(
        fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*'), headerText(30)),
        { nil: undefined },
      ),
      signed: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (fuzz) => {
        const response = await send(http, fuzz).catch((error: unknown) => {
          // A route that needs no body may answer before a large one is sent: the client then
          // sees the socket close mid-upload. The answer was given; there is nothing to check.
          if (isEarlyAnswer(error, fuzz)) return undefined;
          throw error;
        });
        if (response) assertAnswer(fuzz, response);
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        // The message fast-check throws holds the seed and the shrunk request to replay.
        reporter: (details) => {
          if (details.failed) {
            throw new Error(
              `Fuzz failure: replay with FUZZ_SEED=${SEED} (path ${details.counterexamplePath}` +
                `, ${details.numRuns} runs).\n${String(details.errorInstance)}\n` +
                `Request: ${abbreviated(details.counterexample?.[0])}`,
            );
          }
        },
      },
    );
  }, 120_000);
});

/** The counterexample without its megabytes (a 20 000-level body would flood the report). */
function abbreviated(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (
      Buffer.isBuffer(item) ||
      (typeof item === 'object' &&
        item !== null &&
        'type' in item &&
        (item as { type: unknown }).type === 'Buffer')
    ) {
      return `<${Buffer.from(item as Buffer).length} bytes>`;
    }
    return typeof item === 'string' && item.length > 200
      ? `${item.slice(0, 200)}… (${item.length} characters)`
      : item;
  });
}

function isEarlyAnswer(error: unknown, fuzz: FuzzRequest): boolean {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : '';
  return (
    (fuzz.body?.length ?? 0) > 16 * 1024 &&
    (code === 'EPIPE' || code === 'ECONNRESET' || message === 'aborted')
  );
}

function routesOf(sut: TestApp): Route[] {
  const express = sut.app.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => ({
          method: method.toUpperCase(),
          path: layer.route?.path ?? '',
        }))
      : [],
  );
}

async function send(http: Server, fuzz: FuzzRequest): Promise<Response> {
  let index = 0;
  const path = fuzz.route.path.replace(/:[A-Za-z]+/g, () => fuzz.params[index++] ?? 'x');
  const method = (fuzz.method || fuzz.route.method).toLowerCase() as
    'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';
  const body = fuzz.body === undefined ? undefined : Buffer.from(fuzz.body);
  const platform = fuzz.signed ? /\/chatops\/([a-z]+)\//.exec(fuzz.route.path)?.[1] : undefined;
  const contentType = platform === undefined ? fuzz.contentType : PLATFORM_MEDIA_TYPES[platform];
  let call = request(http)[method](path);
  if (contentType !== undefined) call = call.set('Content-Type', contentType);
  if (fuzz.credential !== undefined) call = call.set('Authorization', fuzz.credential);
  if (fuzz.apiKeyHeader !== undefined) call = call.set('X-API-Key', fuzz.apiKeyHeader);
  if (fuzz.contentEncoding !== undefined) call = call.set('Content-Encoding', fuzz.contentEncoding);
  if (fuzz.accept !== undefined) call = call.set('Accept', fuzz.accept);
  const raw = body ?? Buffer.alloc(0);
  // Signed the way each platform signs, so the fuzz reaches past the signature checks.
  if (platform === 'slack') {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = createHmac('sha256', SLACK_SECRET)
      .update(Buffer.concat([Buffer.from(`v0:${timestamp}:`), raw]))
      .digest('hex');
    call = call
      .set('X-Slack-Request-Timestamp', String(timestamp))
      .set('X-Slack-Signature', `v0=${signature}`);
  } else if (platform === 'teams') {
    const hmac = createHmac('sha256', Buffer.from(TEAMS_TOKEN, 'base64'))
      .update(raw)
      .digest('base64');
    call = call.set('Authorization', `HMAC ${hmac}`);
  } else if (platform === 'mattermost') {
    call = call.set('Authorization', `Token ${MATTERMOST_TOKEN}`);
  }
  return body === undefined ? call : call.serialize(asIs(body)).send(body);
}

function assertAnswer(fuzz: FuzzRequest, response: Response): void {
  const where = `${fuzz.method || fuzz.route.method} ${fuzz.route.path}`;
  expect({ where, status: response.status }).toEqual({
    where,
    status: expect.any(Number) as number,
  });
  if (response.status >= 500) {
    throw new Error(`${where} answered ${response.status}: ${response.text.slice(0, 500)}`);
  }
  if (response.status < 400) return;
  const contentType = String(response.headers['content-type'] ?? '');
  // The pages answer their errors as pages (their own filter); everything else as problems.
  if (/^text\/html/.test(contentType) && !fuzz.route.path.startsWith('/api/')) return;
  if (!PROBLEM_JSON.test(contentType)) {
    throw new Error(`${where} answered ${response.status} as "${contentType}": ${response.text}`);
  }
  const problem = response.body as Record<string, unknown>;
  const valid =
    typeof problem.type === 'string' &&
    typeof problem.title === 'string' &&
    problem.status === response.status &&
    typeof problem.detail === 'string' &&
    // Precise: says what was wrong with this request, not just the status phrase again.
    problem.detail !== problem.title;
  if (!valid) {
    throw new Error(`${where} answered an invalid problem: ${response.text}`);
  }
}
