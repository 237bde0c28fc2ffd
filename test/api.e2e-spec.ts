import { readFileSync } from 'node:fs';
import { type Server } from 'node:http';
import { join } from 'node:path';

import request from 'supertest';
import { parse } from 'yaml';

import { backendsUnderTest, createTestApp, type TestApp } from './support/test-app';

interface Example {
  text: string;
}
interface Evidence {
  line: number;
  text: string;
  signal: string;
}
interface Cause {
  issueId: string;
  score: number;
  confidence: string;
  evidence: Evidence[];
}

const XDP_ID = 'calico-xdp-kernel-5.4';
const xdpPattern = parse(
  readFileSync(join(__dirname, '..', 'patterns', `${XDP_ID}.yaml`), 'utf8'),
) as { examples: { match: Example[] } };
/** The calico-node log of an Ubuntu 20.04 node (the first `match` example of the entry). */
const CALICO_NODE_LOG = xdpPattern.examples.match[0].text;
const IMAGE_PULL_BACKOFF = readFileSync(
  join(__dirname, 'fixtures', 'image-pull-backoff.txt'),
  'utf8',
);

const PRIVATE_KEY_LINES = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
];
const BEARER_TOKEN = 'kt9f2c7e1b4a6d8e0f3a5b7c9d1e3f5a7b';
const PASTE_WITH_SECRETS = [
  '-----BEGIN RSA PRIVATE KEY-----',
  ...PRIVATE_KEY_LINES,
  '-----END RSA PRIVATE KEY-----',
  `curl -k -H "Authorization: Bearer ${BEARER_TOKEN}" https://10.0.0.10:6443/api/v1/nodes`,
  CALICO_NODE_LOG,
].join('\n');

const PROBLEM_JSON = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every evidence line is the submitted line of that number (1-based). */
function expectEvidenceOnSubmittedLines(text: string, causes: Cause[]): void {
  const lines = text.split('\n');
  for (const evidence of causes.flatMap((cause) => cause.evidence)) {
    expect(evidence.text.trimEnd()).toBe(lines[evidence.line - 1].trimEnd());
  }
}

describe.each(backendsUnderTest())('the HTTP API on %s', (backend) => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ backend, bodyLimit: '256kb' });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('POST /api/v1/triage', () => {
    it('ranks the calico XDP issue first for a calico-node log sent as JSON', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG, source: 'e2e' })
        .expect(201);

      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body.id).toMatch(UUID);
      expect(response.headers.location).toBe(`/api/v1/analyses/${response.body.id}`);
      expect(new Date(response.body.createdAt).toISOString()).toBe(response.body.createdAt);
      expect(response.body.source).toBe('e2e');
      expect(response.body.timings.totalMs).toEqual(expect.any(Number));
      const causes = response.body.causes as Cause[];
      expect(causes[0]).toMatchObject({ issueId: XDP_ID, confidence: 'high' });
      expect(causes[0].score).toBeGreaterThan(0.5);
      expect(causes[0].score).toBeLessThanOrEqual(1);
      const wipeLines = CALICO_NODE_LOG.split('\n')
        .map((line, index) => (line.includes('failed to wipe the XDP state') ? index + 1 : 0))
        .filter(Boolean);
      expect(causes[0].evidence.map((evidence) => evidence.line)).toEqual(
        expect.arrayContaining([wipeLines[0]]),
      );
      expectEvidenceOnSubmittedLines(CALICO_NODE_LOG, causes);
      expect(response.body.facts).toEqual(
        expect.arrayContaining([
          { name: 'kernel', value: '5.4.0-182-generic', source: 'text', line: 1 },
        ]),
      );
    });

    it('accepts the raw paste as text/plain and finds the same causes', async () => {
      const asJson = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG })
        .expect(201);

      const asText = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send(CALICO_NODE_LOG)
        .expect(201);

      expect(asText.headers.location).toBe(`/api/v1/analyses/${asText.body.id}`);
      expect(asText.body.id).not.toBe(asJson.body.id);
      expect(asText.body.causes).toEqual(asJson.body.causes);
    });

    it('takes the stated context as facts', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .send({
          text: CALICO_NODE_LOG,
          context: { kernel: '5.4.0-189-generic', components: { calico: '3.27.3' } },
        })
        .expect(201);

      expect(response.body.facts).toEqual(
        expect.arrayContaining([
          { name: 'kernel', value: '5.4.0-189-generic', source: 'context' },
          { name: 'calico', value: '3.27.3', source: 'context' },
        ]),
      );
      expect(response.body.context).toEqual({
        kernel: '5.4.0-189-generic',
        components: { calico: '3.27.3' },
      });
    });

    it('returns no cause for an unrelated paste (an image pull error)', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send(IMAGE_PULL_BACKOFF)
        .expect(201);

      expect(response.body.causes).toEqual([]);
    });

    it('never returns nor stores a pasted private key or bearer token', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send(PASTE_WITH_SECRETS)
        .expect(201);

      const secrets = [...PRIVATE_KEY_LINES, BEARER_TOKEN];
      const fetched = await request(http).get(`/api/v1/analyses/${response.body.id}`).expect(200);
      const row = (await sut.dataSource
        .createQueryBuilder()
        .select('*')
        .from('analysis', 'analysis')
        .where('analysis.id = :id', { id: response.body.id })
        .getRawOne()) as Record<string, unknown>;
      const stored = JSON.stringify(row);
      for (const secret of secrets) {
        expect(response.text).not.toContain(secret);
        expect(fetched.text).not.toContain(secret);
        expect(stored).not.toContain(secret);
      }
      expect(response.body.redactions).toBeGreaterThanOrEqual(2);
      expect(String(row.redacted)).toContain('[REDACTED]');
      // Redaction keeps the lines: the evidence still points at the submitted line numbers.
      expect(String(row.redacted).split('\n')).toHaveLength(PASTE_WITH_SECRETS.split('\n').length);
      expect(response.body.causes[0].issueId).toBe(XDP_ID);
      expectEvidenceOnSubmittedLines(PASTE_WITH_SECRETS, response.body.causes as Cause[]);
    });

    it.each([
      ['empty text', { text: '' }],
      ['whitespace-only text', { text: ' \n\t \n' }],
      ['no text', { source: 'e2e' }],
      ['text that is not a string', { text: 42 }],
    ])('refuses %s with 400 naming the field', async (_name, body) => {
      const response = await request(http).post('/api/v1/triage').send(body).expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        instance: '/api/v1/triage',
      });
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'text' })]),
      );
    });

    it('refuses an empty text/plain paste with 400', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send('   \n  ')
        .expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors).toEqual([
        { field: 'text', message: 'text must not be empty or only whitespace' },
      ]);
    });

    it('refuses invalid JSON with 400', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'application/json')
        .send('{"text": "unterminated')
        .expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });

    it('refuses unknown fields, top-level and in the context, with 400', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG, priority: 'high', context: { kernal: '5.4' } })
        .expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'priority', message: 'property priority should not exist' },
          { field: 'context.kernal', message: 'property kernal should not exist' },
        ]),
      );
    });

    it('refuses component versions that are not strings with 400', async () => {
      const response = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG, context: { components: { calico: 3.27 } } })
        .expect(400);

      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'context.components' }),
      ]);
    });

    it.each([
      ['JSON', 'application/json', JSON.stringify({ text: 'x'.repeat(300 * 1024) })],
      ['text', 'text/plain', 'x'.repeat(300 * 1024)],
    ])('refuses a %s body over BODY_LIMIT with 413', async (_name, contentType, body) => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', contentType)
        .send(body)
        .expect(413);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 413, title: 'Payload Too Large' });
    });

    it.each([
      ['application/xml', '<text>hello</text>'],
      ['application/x-www-form-urlencoded', 'text=hello'],
    ])('refuses %s with 415', async (contentType, body) => {
      const response = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', contentType)
        .send(body)
        .expect(415);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });
  });

  describe('GET /api/v1/analyses/:id', () => {
    it('returns the stored analysis as it was created', async () => {
      const created = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG })
        .expect(201);

      const fetched = await request(http)
        .get(created.headers.location as string)
        .expect(200);

      expect(fetched.body).toEqual(created.body);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      const response = await request(http).get(`/api/v1/analyses/${id}`).expect(404);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        code: 'ANALYSIS_NOT_FOUND',
        instance: `/api/v1/analyses/${id}`,
      });
    });

    it('answers 400 for an id that is not a UUID', async () => {
      const response = await request(http).get('/api/v1/analyses/not-a-uuid').expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });
  });

  describe('POST /api/v1/analyses/:id/feedback', () => {
    let analysisId: string;

    beforeAll(async () => {
      const created = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG })
        .expect(201);
      analysisId = created.body.id as string;
    });

    it('stores a verdict on one of the causes and counts it in the statistics', async () => {
      const before = await request(http).get(`/api/v1/known-issues/${XDP_ID}`).expect(200);

      const response = await request(http)
        .post(`/api/v1/analyses/${analysisId}/feedback`)
        .send({ issueId: XDP_ID, verdict: 'confirmed', comment: 'disabling XDP fixed it' })
        .expect(201);

      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        analysisId,
        issueId: XDP_ID,
        verdict: 'confirmed',
        comment: 'disabling XDP fixed it',
        createdAt: expect.any(String),
      });
      const after = await request(http).get(`/api/v1/known-issues/${XDP_ID}`).expect(200);
      expect(after.body.statistics.confirmed).toBe(before.body.statistics.confirmed + 1);
      expect(after.body.statistics.rejected).toBe(before.body.statistics.rejected);
    });

    it('accepts a verdict on a known issue the analysis did not list', async () => {
      const list = await request(http).get('/api/v1/known-issues').expect(200);
      const other = (list.body as { id: string }[]).find((issue) => issue.id !== XDP_ID);

      await request(http)
        .post(`/api/v1/analyses/${analysisId}/feedback`)
        .send({ issueId: other?.id, verdict: 'rejected' })
        .expect(201);
    });

    it('answers 422 for an issue id that is neither a cause nor a known issue', async () => {
      const response = await request(http)
        .post(`/api/v1/analyses/${analysisId}/feedback`)
        .send({ issueId: 'no-such-issue', verdict: 'confirmed' })
        .expect(422);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.code).toBe('FEEDBACK_ISSUE_UNKNOWN');
    });

    it('answers 400 for an invalid verdict', async () => {
      const response = await request(http)
        .post(`/api/v1/analyses/${analysisId}/feedback`)
        .send({ issueId: XDP_ID, verdict: 'maybe' })
        .expect(400);

      expect(response.body.errors).toEqual([
        { field: 'verdict', message: 'verdict must be one of: confirmed, rejected' },
      ]);
    });

    it('answers 404 for an unknown analysis', async () => {
      const response = await request(http)
        .post('/api/v1/analyses/00000000-0000-4000-8000-000000000000/feedback')
        .send({ issueId: XDP_ID, verdict: 'confirmed' })
        .expect(404);

      expect(response.body.code).toBe('ANALYSIS_NOT_FOUND');
    });
  });

  describe('GET /api/v1/known-issues', () => {
    it('lists every issue with its versions, remediation and statistics', async () => {
      const response = await request(http).get('/api/v1/known-issues').expect(200);

      const issues = response.body as { id: string }[];
      expect(new Set(issues.map((issue) => issue.id)).size).toBe(issues.length);
      expect(issues.find((issue) => issue.id === XDP_ID)).toMatchObject({
        id: XDP_ID,
        title: 'Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4',
        components: ['calico', 'kernel'],
        affected: [
          { fact: 'calico', range: '>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1' },
          { fact: 'kernel', range: '>=5.4 <5.5' },
        ],
        symptoms: { en: expect.any(Array), zh: expect.any(Array) },
        remediation: expect.arrayContaining([
          expect.objectContaining({
            title: 'Disable XDP acceleration in Felix (immediate workaround)',
          }),
        ]),
        references: expect.arrayContaining(['https://github.com/projectcalico/calico/issues/8833']),
        statistics: {
          matched: expect.any(Number),
          confirmed: expect.any(Number),
          rejected: expect.any(Number),
        },
      });
    });

    it('stores one known_issue row per loaded issue', async () => {
      const response = await request(http).get('/api/v1/known-issues').expect(200);
      const rows = await sut.dataSource
        .createQueryBuilder()
        .select('known_issue.id', 'id')
        .from('known_issue', 'known_issue')
        .where('known_issue.retired_at IS NULL')
        .getRawMany<{ id: string }>();

      expect(rows.map((row) => row.id).sort()).toEqual(
        (response.body as { id: string }[]).map((issue) => issue.id).sort(),
      );
    });

    it('returns one full entry by id, with its matches counted', async () => {
      const response = await request(http).get(`/api/v1/known-issues/${XDP_ID}`).expect(200);

      expect(response.body).toMatchObject({
        id: XDP_ID,
        rootCause: expect.stringContaining('Calico 3.27.3'),
        signals: expect.arrayContaining([
          expect.objectContaining({ id: 'xdp-state-wipe-failed', weight: 0.6 }),
        ]),
        confirm: expect.any(Array),
      });
      expect(response.body.statistics.matched).toBeGreaterThan(0);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const response = await request(http).get('/api/v1/known-issues/no-such-issue').expect(404);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body).toMatchObject({ status: 404, code: 'KNOWN_ISSUE_NOT_FOUND' });
    });
  });

  it('answers 404 problem+json for an unknown route', async () => {
    const response = await request(http).get('/api/v1/nothing-here').expect(404);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      instance: '/api/v1/nothing-here',
    });
  });
});

describe.each(backendsUnderTest())('large pastes on %s', (backend) => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ backend });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('accepts a 10 MB paste under the default 16 MB limit', async () => {
    const noise = '2024-05-30 08:11:02.114 [INFO][65] felix/health.go 336: Overall health ok\n';
    const text = noise.repeat(Math.ceil((10 * 1024 * 1024) / noise.length)) + CALICO_NODE_LOG;

    const response = await request(sut.app.getHttpServer() as Server)
      .post('/api/v1/triage')
      .set('Content-Type', 'text/plain')
      .send(text)
      .expect(201);

    expect(response.body.input.bytes).toBe(Buffer.byteLength(text));
    expect(response.body.causes[0].issueId).toBe(XDP_ID);
  }, 60_000);
});
