import { readFileSync } from 'node:fs';
import { type Server } from 'node:http';
import { join } from 'node:path';

import request from 'supertest';
import { parse } from 'yaml';

import { LogCapture } from './support/log-capture';
import { createTestApp, type TestApp } from './support/test-app';

const XDP_ID = 'calico-xdp-kernel-5.4';
const CALICO_NODE_LOG = (
  parse(readFileSync(join(__dirname, '..', 'patterns', `${XDP_ID}.yaml`), 'utf8')) as {
    examples: { match: { text: string }[] };
  }
).examples.match[0].text;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The value of one sample of the exposition, 0 when the series does not exist yet. */
function sample(exposition: string, series: string): number {
  const line = exposition.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe('observability', () => {
  let sut: TestApp;
  let http: Server;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = new LogCapture();
    sut = await createTestApp({ logLevel: 'log', logDestination: logs });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('logs', () => {
    it('writes JSON lines carrying the request id, never the paste', async () => {
      const marker = `paste-marker-${Date.now()}`;
      const paste = `${CALICO_NODE_LOG}\n${marker} password=hunter2hunter2`;

      const response = await request(http)
        .post('/api/v1/triage')
        .set('X-Request-Id', 'e2e-request-1')
        .set('Content-Type', 'text/plain')
        .send(paste)
        .expect(201);

      expect(response.headers['x-request-id']).toBe('e2e-request-1');
      const lines = logs.withRequestId('e2e-request-1');
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'info',
          msg: 'POST /api/v1/triage 201',
          req: expect.objectContaining({ method: 'POST', path: '/api/v1/triage' }),
          res: { statusCode: 201 },
          responseTime: expect.any(Number),
        }),
      );
      expect(logs.raw).not.toContain(marker);
      expect(logs.raw).not.toContain('hunter2');
      expect(logs.raw).not.toContain('failed to wipe the XDP state');
    });

    it('generates a request id when the client sends none or an unsafe one', async () => {
      const none = await request(http).get('/api/v1/known-issues').expect(200);
      const unsafe = await request(http)
        .get('/api/v1/known-issues')
        .set('X-Request-Id', 'forged" id')
        .expect(200);

      for (const response of [none, unsafe]) {
        const id = response.headers['x-request-id'] as string;
        expect(id).toMatch(UUID);
        expect(logs.withRequestId(id)).toHaveLength(1);
      }
    });

    it('keeps credentials and query strings out of the lines', async () => {
      await request(http)
        .get('/api/v1/known-issues?token=query-secret-123')
        .set('Authorization', 'Bearer kt_live_authorization-secret-456')
        .set('Cookie', 'session=cookie-secret-789')
        .set('X-Request-Id', 'e2e-credentials');

      expect(logs.withRequestId('e2e-credentials')).not.toHaveLength(0);
      for (const secret of ['query-secret-123', 'authorization-secret-456', 'cookie-secret-789']) {
        expect(logs.raw).not.toContain(secret);
      }
    });

    it("routes Nest's own logger through pino", () => {
      expect(logs.lines).toContainEqual(
        expect.objectContaining({
          level: 'info',
          context: 'KnowledgeBaseService',
          msg: expect.stringMatching(/^Loaded \d+ known issues/),
        }),
      );
    });
  });

  describe('GET /metrics', () => {
    it('exposes the Prometheus text format with the default process metrics', async () => {
      const response = await request(http).get('/metrics').expect(200);

      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
      expect(response.text).toContain('process_cpu_user_seconds_total');
      expect(response.text).toContain('nodejs_eventloop_lag_seconds');
    });

    it('moves the triage, input size, match and latency series after a triage', async () => {
      const before = (await request(http).get('/metrics')).text;

      const created = await request(http)
        .post('/api/v1/triage')
        .send({ text: CALICO_NODE_LOG })
        .expect(201);
      await request(http)
        .post(`/api/v1/analyses/${created.body.id}/feedback`)
        .send({ issueId: XDP_ID, verdict: 'confirmed' })
        .expect(201);
      await request(http).get(`/api/v1/analyses/${created.body.id}`).expect(200);

      const after = (await request(http).get('/metrics')).text;
      const moved = (series: string) => sample(after, series) - sample(before, series);
      expect(moved(`kubetriage_known_issue_matches_total{issue_id="${XDP_ID}"}`)).toBe(1);
      expect(
        moved(`kubetriage_known_issue_feedback_total{issue_id="${XDP_ID}",verdict="confirmed"}`),
      ).toBe(1);
      expect(moved('kubetriage_triage_duration_seconds_count{stored="true"}')).toBe(1);
      expect(moved('kubetriage_triage_input_bytes_count')).toBe(1);
      expect(moved('kubetriage_triage_input_bytes_sum')).toBe(
        Buffer.byteLength(CALICO_NODE_LOG, 'utf8'),
      );
      expect(
        moved(
          'http_request_duration_seconds_count{method="POST",route="/api/v1/triage",status_code="201"}',
        ),
      ).toBe(1);
      // By route template: the id does not become a label value.
      expect(
        moved(
          'http_request_duration_seconds_count{method="GET",route="/api/v1/analyses/:id",status_code="200"}',
        ),
      ).toBe(1);
      expect(after).not.toContain(created.body.id as string);
    });

    it('counts requests no route took as unmatched', async () => {
      await request(http).get('/api/v1/no-such-route/12345').expect(404);

      const metrics = (await request(http).get('/metrics')).text;
      expect(
        sample(
          metrics,
          'http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(metrics).not.toContain('no-such-route');
    });
  });

  describe('health', () => {
    it('answers /healthz while the process serves', async () => {
      const response = await request(http).get('/healthz').expect(200);

      expect(response.body).toEqual({ status: 'ok' });
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('is ready when the database answers and the knowledge base is loaded', async () => {
      const response = await request(http).get('/readyz').expect(200);

      expect(response.body).toMatchObject({
        status: 'ok',
        details: {
          database: { status: 'up' },
          knowledgeBase: { status: 'up', issues: expect.any(Number) },
        },
      });
      expect(response.body.details.knowledgeBase.issues).toBeGreaterThan(10);
    });
  });
});
