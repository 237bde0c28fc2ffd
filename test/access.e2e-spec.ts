import { createHash, createHmac } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { type IssuedKey, issueKey } from './support/api-keys';
import { backendsUnderTest, createTestApp, type TestApp } from './support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASTE = 'felix/int_dataplane.go 1747: failed to wipe the XDP state\n';
const SLACK_SECRET = 'access-e2e-slack-signing-secret-0123';

function slackHeaders(body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', SLACK_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

describe.each(backendsUnderTest())('API keys with API_AUTH=required on %s', (backend) => {
  let sut: TestApp;
  let http: Server;
  let admin: IssuedKey;
  let alice: IssuedKey;
  let bob: IssuedKey;

  beforeAll(async () => {
    sut = await createTestApp({
      backend,
      env: { API_AUTH: 'required', SLACK_SIGNING_SECRET: SLACK_SECRET },
    });
    http = sut.app.getHttpServer() as Server;
    admin = await issueKey(sut, 'admin', 'ops');
    alice = await issueKey(sut, 'triage', 'alice');
    bob = await issueKey(sut, 'triage', 'bob');
  });

  afterAll(async () => {
    await sut?.close();
  });

  describe('authentication', () => {
    it.each([
      ['POST', '/api/v1/triage'],
      ['GET', '/api/v1/analyses/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/analyses/00000000-0000-4000-8000-000000000000/feedback'],
      ['GET', '/api/v1/known-issues'],
      ['GET', '/api/v1/known-issues/calico-xdp-kernel-5.4'],
      ['GET', '/api/v1/admin/api-keys'],
      ['POST', '/api/v1/admin/api-keys'],
      ['DELETE', '/api/v1/admin/api-keys/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/admin/knowledge-base/reload'],
    ])(
      'answers %s %s without a key with 401 problem+json and a Bearer challenge',
      async (method, path) => {
        const response =
          await request(http)[method.toLowerCase() as 'get' | 'post' | 'delete'](path);

        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.headers['www-authenticate']).toBe('Bearer realm="kubetriage"');
        expect(response.body).toMatchObject({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          code: 'API_KEY_MISSING',
          instance: path,
        });
      },
    );

    it.each([
      ['an unknown key', { Authorization: `Bearer kt_${'A'.repeat(43)}` }],
      ['a key that is not ours', { Authorization: 'Bearer not-a-key' }],
      ['another scheme', { Authorization: 'Digest username="x"' }],
      ['an empty X-API-Key', { 'X-API-Key': '' }],
    ])('answers %s with 401 API_KEY_INVALID', async (_name, headers) => {
      const response = await request(http).get('/api/v1/known-issues').set(headers).expect(401);

      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="kubetriage", error="invalid_token"',
      );
      expect(response.body).toMatchObject({ status: 401, code: 'API_KEY_INVALID' });
    });

    it('refuses two different keys in one request', async () => {
      const response = await request(http)
        .get('/api/v1/known-issues')
        .set(alice.bearer)
        .set('X-API-Key', bob.key)
        .expect(401);

      expect(response.body.code).toBe('API_KEY_INVALID');
    });

    it('accepts a key as Bearer token, as X-API-Key and as Basic password', async () => {
      await request(http).get('/api/v1/known-issues').set(alice.bearer).expect(200);
      await request(http).get('/api/v1/known-issues').set('X-API-Key', alice.key).expect(200);
      await request(http).get('/api/v1/known-issues').auth('anyone', alice.key).expect(200);
    });

    it('answers a triage key on the admin endpoints with 403', async () => {
      for (const [method, path] of [
        ['get', '/api/v1/admin/api-keys'],
        ['post', '/api/v1/admin/knowledge-base/reload'],
      ] as const) {
        const response = await request(http)[method](path).set(alice.bearer).expect(403);

        expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
        expect(response.headers['www-authenticate']).toBeUndefined();
        expect(response.body).toMatchObject({
          title: 'Forbidden',
          status: 403,
          code: 'API_KEY_SCOPE_INSUFFICIENT',
        });
      }
    });

    it('leaves the chat endpoints to their platform signatures', async () => {
      const body = 'command=%2Ftriage&text=&user_id=U1&channel_id=C1&team_id=T1';

      await request(http)
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);
      const unsigned = await request(http)
        .post('/api/v1/chatops/slack/commands')
        .set(admin.bearer)
        .set('content-type', 'application/x-www-form-urlencoded')
        .send(body)
        .expect(401);
      expect(unsigned.body.code).toBe('CHATOPS_SIGNATURE_MISSING');
    });

    it('keeps the web pages and their assets open (WEB_AUTH=open)', async () => {
      await request(http).get('/').expect(200);
      const page = await request(http).get('/').expect(200);
      const script = /<script[^>]+src="([^"]+)"/.exec(page.text)?.[1] ?? '';
      expect(script).toMatch(/^\/assets\//);
      await request(http).get(script).expect(200);
    });
  });

  describe('analyses belong to the key that created them', () => {
    let aliceAnalysis: string;

    beforeAll(async () => {
      const created = await request(http)
        .post('/api/v1/triage')
        .set(alice.bearer)
        .set('content-type', 'text/plain')
        .send(PASTE)
        .expect(201);
      aliceAnalysis = created.body.id as string;
    });

    it('records the key as the owner in the analysis row', async () => {
      const row = (await sut.dataSource
        .createQueryBuilder()
        .select('analysis.api_key_id', 'owner')
        .from('analysis', 'analysis')
        .where('analysis.id = :id', { id: aliceAnalysis })
        .getRawOne()) as { owner: string };

      expect(row.owner).toBe(alice.id);
    });

    it('lets the owner and admin keys read it, and answers 404 to another triage key', async () => {
      await request(http).get(`/api/v1/analyses/${aliceAnalysis}`).set(alice.bearer).expect(200);
      await request(http).get(`/api/v1/analyses/${aliceAnalysis}`).set(admin.bearer).expect(200);
      const response = await request(http)
        .get(`/api/v1/analyses/${aliceAnalysis}`)
        .set(bob.bearer)
        .expect(404);

      expect(response.body).toMatchObject({ status: 404, code: 'ANALYSIS_NOT_FOUND' });
    });

    it('takes feedback from the owner only (404 for another triage key)', async () => {
      const feedback = { issueId: 'calico-xdp-kernel-5.4', verdict: 'confirmed' };

      await request(http)
        .post(`/api/v1/analyses/${aliceAnalysis}/feedback`)
        .set(bob.bearer)
        .send(feedback)
        .expect(404);
      await request(http)
        .post(`/api/v1/analyses/${aliceAnalysis}/feedback`)
        .set(alice.bearer)
        .send(feedback)
        .expect(201);
    });

    it('still shows the result page by its link, as chat replies and the CLI print it', async () => {
      await request(http).get(`/analyses/${aliceAnalysis}`).expect(200);
    });
  });

  describe('POST/GET/DELETE /api/v1/admin/api-keys', () => {
    it('creates a key, shows it once and stores only its SHA-256', async () => {
      const created = await request(http)
        .post('/api/v1/admin/api-keys')
        .set(admin.bearer)
        .send({ name: 'support-portal', scope: 'triage' })
        .expect(201);

      expect(created.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'support-portal',
        scope: 'triage',
        prefix: (created.body.key as string).slice(0, 9),
        createdAt: expect.any(String),
        revokedAt: null,
        key: expect.stringMatching(/^kt_[A-Za-z0-9_-]{43}$/),
      });
      expect(created.headers.location).toBe(`/api/v1/admin/api-keys/${created.body.id}`);
      const key = created.body.key as string;

      const row = (await sut.dataSource
        .createQueryBuilder()
        .select('*')
        .from('api_key', 'api_key')
        .where('api_key.id = :id', { id: created.body.id })
        .getRawOne()) as Record<string, unknown>;
      expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(key);

      const listed = await request(http)
        .get('/api/v1/admin/api-keys')
        .set(admin.bearer)
        .expect(200);
      expect(listed.text).not.toContain(key);
      expect(listed.text).not.toContain(String(row.key_hash));
      expect(listed.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: created.body.id, scope: 'triage' })]),
      );
      const fetched = await request(http)
        .get(created.headers.location as string)
        .set(admin.bearer)
        .expect(200);
      expect(fetched.body).not.toHaveProperty('key');

      await request(http)
        .post('/api/v1/triage')
        .set('Authorization', `Bearer ${key}`)
        .send({ text: PASTE })
        .expect(201);
    });

    it('revokes a key: it stops working at once and stays listed as revoked', async () => {
      const doomed = await issueKey(sut, 'triage', 'doomed');
      await request(http).get('/api/v1/known-issues').set(doomed.bearer).expect(200);

      await request(http)
        .delete(`/api/v1/admin/api-keys/${doomed.id}`)
        .set(admin.bearer)
        .expect(204);

      const refused = await request(http)
        .get('/api/v1/known-issues')
        .set(doomed.bearer)
        .expect(401);
      expect(refused.body.code).toBe('API_KEY_INVALID');
      const listed = await request(http)
        .get(`/api/v1/admin/api-keys/${doomed.id}`)
        .set(admin.bearer)
        .expect(200);
      expect(listed.body.revokedAt).toEqual(expect.any(String));
      await request(http)
        .delete(`/api/v1/admin/api-keys/${doomed.id}`)
        .set(admin.bearer)
        .expect(204);
    });

    it.each([
      ['no name', { scope: 'triage' }, 'name'],
      ['a blank name', { name: '  ', scope: 'triage' }, 'name'],
      ['a name with a newline', { name: 'a\nb', scope: 'triage' }, 'name'],
      ['an unknown scope', { name: 'x', scope: 'root' }, 'scope'],
      ['an unknown field', { name: 'x', scope: 'triage', key: 'mine' }, 'key'],
    ])('refuses %s with 400 naming the field', async (_name, body, field) => {
      const response = await request(http)
        .post('/api/v1/admin/api-keys')
        .set(admin.bearer)
        .send(body)
        .expect(400);

      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
    });

    it('answers 415 to a body that is not JSON, 404 to an unknown id, 400 to a bad id', async () => {
      const unsupported = await request(http)
        .post('/api/v1/admin/api-keys')
        .set(admin.bearer)
        .set('content-type', 'text/plain')
        .send('name=x')
        .expect(415);
      expect(unsupported.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      const unknown = await request(http)
        .delete('/api/v1/admin/api-keys/00000000-0000-4000-8000-000000000000')
        .set(admin.bearer)
        .expect(404);
      expect(unknown.body.code).toBe('API_KEY_NOT_FOUND');
      await request(http).get('/api/v1/admin/api-keys/nope').set(admin.bearer).expect(400);
    });
  });
});

describe('API keys with API_AUTH=off (the default)', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp();
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('answers anonymous API calls, and lets them read every analysis', async () => {
    const alice = await issueKey(sut, 'triage', 'alice');
    const owned = await request(http)
      .post('/api/v1/triage')
      .set(alice.bearer)
      .send({ text: PASTE })
      .expect(201);

    await request(http).post('/api/v1/triage').send({ text: PASTE }).expect(201);
    await request(http).get(`/api/v1/analyses/${owned.body.id}`).expect(200);
  });

  it('still checks a key that is sent', async () => {
    const response = await request(http)
      .get('/api/v1/known-issues')
      .set('X-API-Key', `kt_${'b'.repeat(43)}`)
      .expect(401);

    expect(response.body.code).toBe('API_KEY_INVALID');
  });

  it('still needs an admin key for the admin endpoints', async () => {
    await request(http).get('/api/v1/admin/api-keys').expect(401);
    const admin = await issueKey(sut, 'admin');
    await request(http).get('/api/v1/admin/api-keys').set(admin.bearer).expect(200);
  });
});

describe('the web pages with WEB_AUTH=required', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ env: { WEB_AUTH: 'required' } });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('asks the browser for a key (Basic) with an HTML 401 page', async () => {
    const response = await request(http).get('/').expect(401);

    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['www-authenticate']).toBe('Basic realm="kubetriage", charset="UTF-8"');
  });

  it('shows the pages to any valid key, given as the Basic password', async () => {
    const alice = await issueKey(sut, 'triage');

    await request(http).get('/').auth('alice', alice.key).expect(200);
    await request(http).get('/known-issues').auth('alice', alice.key).expect(200);
    await request(http)
      .get('/')
      .auth('alice', `kt_${'c'.repeat(43)}`)
      .expect(401);
  });

  it('serves the assets without a key (the login prompt page needs its CSS)', async () => {
    const alice = await issueKey(sut, 'triage');
    const page = await request(http).get('/').auth('alice', alice.key).expect(200);
    const stylesheet = /<link[^>]+href="(\/assets\/[^"]+)"/.exec(page.text)?.[1] ?? '';

    await request(http).get(stylesheet).expect(200);
  });
});

describe('POST /api/v1/admin/knowledge-base/reload', () => {
  let sut: TestApp;
  let http: Server;
  let patternsDir: string;

  beforeAll(async () => {
    patternsDir = await mkdtemp(join(tmpdir(), 'kubetriage-patterns-'));
    const source = join(__dirname, '..', 'patterns');
    for (const file of (await readdir(source)).filter((name) => name.endsWith('.yaml'))) {
      await copyFile(join(source, file), join(patternsDir, file));
    }
    sut = await createTestApp({ patternsDir, logLevel: 'fatal' });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
    await rm(patternsDir, { recursive: true, force: true });
  });

  it('reloads patterns/ and reports each broken file without the server folder', async () => {
    const admin = await issueKey(sut, 'admin');
    const before = await request(http).get('/api/v1/known-issues').expect(200);
    await writeFile(join(patternsDir, 'broken-entry.yaml'), 'id: [unterminated\n');

    const response = await request(http)
      .post('/api/v1/admin/knowledge-base/reload')
      .set(admin.bearer)
      .expect(200);

    expect(response.body).toMatchObject({
      loaded: (before.body as unknown[]).length,
      inserted: [],
      retired: [],
      errors: [expect.objectContaining({ file: 'broken-entry.yaml' })],
    });
    expect(response.text).not.toContain(patternsDir);
  });
});
