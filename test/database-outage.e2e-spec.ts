import { mkdtemp, rm } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import request from 'supertest';

import { LogCapture } from './support/log-capture';
import { TcpProxy } from './support/tcp-proxy';
import {
  backendsUnderTest,
  createPostgresSchema,
  createTestApp,
  dropPostgresSchema,
  type TestApp,
} from './support/test-app';

const PASTE = 'felix: failed to wipe the XDP state\nLinux node-1 5.4.0-189-generic\n';
const XDP_ID = 'calico-xdp-kernel-5.4';

/** Polls until `check` holds, or fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the database on SQLite', () => {
  let dir: string;
  let sqlitePath: string;
  let logs: LogCapture;
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetriage-outage-'));
    sqlitePath = join(dir, 'kubetriage.sqlite');
    logs = new LogCapture();
    sut = await createTestApp({
      sqlitePath,
      logLevel: 'warn',
      logDestination: logs,
      // A short busy timeout, so the locked-file case does not wait the default 5 s.
      env: { DATABASE_TIMEOUT_MS: '200' },
    });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode with the busy timeout and full syncs', async () => {
    expect(await sut.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await sut.dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 200 }]);
    // 2 = FULL: a 201 is on disk, not only in the operating system's cache.
    expect(await sut.dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
  });

  it('answers 200 stored:false while another process holds the write lock, then 201 again', async () => {
    const other = new Database(sqlitePath);
    try {
      other.exec('BEGIN IMMEDIATE');

      const locked = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .set('X-Request-Id', 'e2e-locked')
        .send(PASTE)
        .expect(200);

      expect(locked.body).toMatchObject({ stored: false });
      expect(locked.body.causes[0].issueId).toBe(XDP_ID);
      expect(locked.headers.location).toBeUndefined();
      // Readers are not blocked in WAL mode: the replica stays ready.
      await request(http).get('/readyz').expect(200);
      expect(logs.withRequestId('e2e-locked')).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          context: 'TriageService',
          msg: expect.stringMatching(
            /not stored, the database is unavailable: .*database is locked/,
          ),
        }),
      );
      expect(logs.raw).not.toContain('failed to wipe the XDP state');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    const unlocked = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'text/plain')
      .send(PASTE)
      .expect(201);
    expect(unlocked.body.stored).toBe(true);
    expect(unlocked.headers.location).toBe(`/api/v1/analyses/${unlocked.body.id}`);
  });

  it('is not ready while its connection is closed, still triages, and is ready once reopened', async () => {
    await sut.dataSource.destroy();
    try {
      const readiness = await request(http).get('/readyz').expect(503);
      expect(readiness.body).toMatchObject({
        status: 'error',
        error: { database: { status: 'down' } },
        details: { knowledgeBase: { status: 'up' } },
      });
      const answered = await request(http)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send(PASTE)
        .expect(200);
      expect(answered.body).toMatchObject({ stored: false });
      expect(answered.headers.location).toBeUndefined();
      const lookup = await request(http)
        .get('/api/v1/analyses/00000000-0000-4000-8000-000000000000')
        .expect(503);
      expect(lookup.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      // The paste form has no result page to redirect to: it says so.
      const form = await request(http)
        .post('/analyses')
        .type('form')
        .send({ text: PASTE })
        .expect(503);
      expect(form.headers['content-type']).toMatch(/^text\/html/);
      expect(form.text).toContain('The result could not be saved');
    } finally {
      await sut.dataSource.initialize();
    }

    await request(http).get('/readyz').expect(200);
  });
});

const postgres = backendsUnderTest().includes('postgres');

(postgres ? describe : describe.skip)('the database on PostgreSQL', () => {
  let schema: string;
  let proxy: TcpProxy;
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    const url = new URL(process.env.DATABASE_URL ?? '');
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.up();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    schema = await createPostgresSchema();
    sut = await createTestApp({
      backend: 'postgres',
      postgresSchema: schema,
      postgresUrl: url.toString(),
      // The outage logs warnings on purpose.
      logLevel: 'fatal',
      env: { DATABASE_TIMEOUT_MS: '1000' },
    });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await proxy?.up().catch(() => undefined);
    await sut?.close();
    await proxy?.down();
    if (schema) await dropPostgresSchema(schema);
  });

  it('keeps answering through an outage and recovers by itself when the database returns', async () => {
    const before = await request(http).post('/api/v1/triage').send({ text: PASTE }).expect(201);
    await request(http).get('/readyz').expect(200);

    await proxy.down();

    const readiness = await request(http).get('/readyz').expect(503);
    expect(readiness.body).toMatchObject({ error: { database: { status: 'down' } } });
    const during = await request(http).post('/api/v1/triage').send({ text: PASTE }).expect(200);
    expect(during.body).toMatchObject({ stored: false });
    expect(during.body.causes[0].issueId).toBe(XDP_ID);
    expect(during.headers.location).toBeUndefined();
    const lookup = await request(http).get(`/api/v1/analyses/${before.body.id}`).expect(503);
    expect(lookup.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });

    await proxy.up();

    await eventually(async () => (await request(http).get('/readyz')).status === 200);
    const after = await request(http).post('/api/v1/triage').send({ text: PASTE }).expect(201);
    expect(after.body.stored).toBe(true);
    await request(http).get(`/api/v1/analyses/${before.body.id}`).expect(200);
    await request(http).get(`/api/v1/analyses/${during.body.id}`).expect(404);
  });
});
