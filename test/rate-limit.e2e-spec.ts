import { randomUUID } from 'node:crypto';
import { type Server } from 'node:http';

import { Redis } from 'ioredis';
import request from 'supertest';

import { issueKey } from './support/api-keys';
import { createTestApp, type TestApp } from './support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits per client IP', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ env: { RATE_LIMIT_MAX: '3', RATE_LIMIT_TTL_MS: '60000' } });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('answers past the limit with 429 problem+json and Retry-After, over all routes together', async () => {
    await request(http).get('/api/v1/known-issues').expect(200);
    await request(http).post('/api/v1/triage').send({ text: 'x' }).expect(201);
    await request(http).get('/api/v1/known-issues/calico-xdp-kernel-5.4').expect(200);

    const response = await request(http).get('/api/v1/known-issues').expect(429);

    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      code: 'RATE_LIMITED',
    });
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.body.detail).toBe(`Too many requests: try again in ${retryAfter} s.`);
  });

  it('never limits health checks and metrics (@SkipThrottle)', async () => {
    for (let probe = 0; probe < 5; probe += 1) {
      await request(http).get('/healthz').expect(200);
      await request(http).get('/metrics').expect(200);
    }
  });

  it('answers a page past the limit with a 429 page and Retry-After', async () => {
    const response = await request(http).get('/').expect(429);

    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});

describe('rate limits per API key', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({
      env: { API_AUTH: 'required', RATE_LIMIT_MAX: '20', RATE_LIMIT_KEY_MAX: '2' },
    });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('limits each key on its own, whichever header carries it', async () => {
    const alice = await issueKey(sut, 'triage', 'alice');
    const bob = await issueKey(sut, 'triage', 'bob');

    await request(http).get('/api/v1/known-issues').set(alice.bearer).expect(200);
    await request(http).get('/api/v1/known-issues').set('X-API-Key', alice.key).expect(200);
    const limited = await request(http).get('/api/v1/known-issues').set(alice.bearer).expect(429);
    await request(http).get('/api/v1/known-issues').set(bob.bearer).expect(200);

    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('counts requests with bad keys before looking them up: a flood ends in 429, not 401s', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 22; attempt += 1) {
      const response = await request(http)
        .get('/api/v1/known-issues')
        .set('Authorization', `Bearer kt_${String(attempt).padStart(43, 'x')}`);
      statuses.push(response.status);
    }

    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
  });
});

describe('rate limits shared between replicas through Redis', () => {
  const prefix = `kubetriage-e2e:${randomUUID()}:`;
  let replicas: TestApp[];
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL);
    const env = {
      REDIS_URL,
      RATE_LIMIT_REDIS_PREFIX: prefix,
      RATE_LIMIT_MAX: '4',
    };
    replicas = [await createTestApp({ env }), await createTestApp({ env })];
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.close()));
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts one budget for a client whichever replica answers', async () => {
    const [first, second] = replicas.map((replica) => replica.app.getHttpServer() as Server);

    await request(first).get('/api/v1/known-issues').expect(200);
    await request(second).get('/api/v1/known-issues').expect(200);
    await request(first).get('/api/v1/known-issues').expect(200);
    await request(second).get('/api/v1/known-issues').expect(200);
    const response = await request(first).get('/api/v1/known-issues').expect(429);

    expect(response.body.code).toBe('RATE_LIMITED');
    expect(await redis.keys(`${prefix}*`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/:hits$/), expect.stringMatching(/:block$/)]),
    );
  });
});

describe.each([
  ['behind a trusted proxy (TRUST_PROXY=loopback)', { TRUST_PROXY: 'loopback' }, true],
  ['without TRUST_PROXY', {}, false],
])('the client address %s', (_name, env, separate) => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp({ env: { ...env, RATE_LIMIT_MAX: '1' } });
  });

  afterAll(async () => {
    await sut?.close();
  });

  it(
    separate
      ? 'is the one the proxy forwarded: two clients, two budgets'
      : 'is the peer: a forged X-Forwarded-For does not buy a new budget',
    async () => {
      const http = sut.app.getHttpServer() as Server;

      await request(http)
        .get('/api/v1/known-issues')
        .set('X-Forwarded-For', '203.0.113.1')
        .expect(200);
      const second = await request(http)
        .get('/api/v1/known-issues')
        .set('X-Forwarded-For', '203.0.113.2');

      expect(second.status).toBe(separate ? 200 : 429);
    },
  );
});
