import { type Server } from 'node:http';

import request from 'supertest';

import { AnalysisRepository } from '../src/database/repositories/analysis.repository';
import { expectNoInternals, expectProblem } from './support/problem';
import { createTestApp, type TestApp } from './support/test-app';

const ORIGIN = 'https://portal.example.org';

describe('security headers', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ logLevel: 'fatal' });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('sends helmet headers and a CSP that runs nothing on API responses', async () => {
    const response = await request(http).get('/api/v1/known-issues').expect(200);

    expect(response.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('sends them on errors too, body parser errors included', async () => {
    const response = await request(http)
      .post('/api/v1/triage')
      .set('Content-Type', 'application/json')
      .send('{"text":');

    expectProblem(response, 400);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it.each(['/', '/known-issues'])(
    'lets the page %s run its own /assets scripts and styles and nothing inline',
    async (path) => {
      const page = await request(http).get(path).expect(200);
      const policy = String(page.headers['content-security-policy']);

      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).not.toContain('unsafe-inline');
      const scripts = [...page.text.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
      const styles = [...page.text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      expect(styles.length).toBeGreaterThan(0);
      for (const attributes of scripts) expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(page.text).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
      for (const [tag] of styles) expect(tag).toMatch(/href="\/assets\//);
      for (const url of [...page.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map(
        (match) => match[1],
      )) {
        await request(http).get(url).expect(200);
      }
    },
  );

  it('sends no CORS headers unless CORS_ORIGINS is set', async () => {
    const preflight = await request(http)
      .options('/api/v1/triage')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    const simple = await request(http).get('/api/v1/known-issues').set('Origin', ORIGIN);

    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  describe('no internals in any response', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('answers an unexpected failure with a generic 500, without stack or paths', async () => {
      const failure = new Error('ENOENT: no such file /work/main/src/database/x.ts:12');
      jest.spyOn(sut.app.get(AnalysisRepository), 'findById').mockRejectedValue(failure);

      const response = await request(http).get(
        '/api/v1/analyses/00000000-0000-4000-8000-000000000000',
      );

      expectProblem(response, 500);
      expect(response.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred.',
        code: 'INTERNAL_ERROR',
        instance: '/api/v1/analyses/00000000-0000-4000-8000-000000000000',
      });
    });

    it('answers a failing page with an error page, without stack or paths', async () => {
      const failure = new Error('SQLITE_CORRUPT at /work/main/data/kubetriage.sqlite');
      jest.spyOn(sut.app.get(AnalysisRepository), 'findById').mockRejectedValue(failure);

      const response = await request(http).get('/analyses/00000000-0000-4000-8000-000000000000');

      expect(response.status).toBe(500);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).not.toContain('SQLITE_CORRUPT');
      expectNoInternals(response.text);
    });

    it.each([
      ['malformed JSON', { 'content-type': 'application/json' }, '{"text": [1,'],
      ['an unsupported charset', { 'content-type': 'text/plain; charset=x-unknown' }, 'x'],
      ['gzip that is not gzip', { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, 'x'],
    ])('keeps parser messages out of %s', async (_name, headers, body) => {
      const response = await request(http).post('/api/v1/triage').set(headers).send(body);

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expectNoInternals(response.text);
      expect(response.text).not.toMatch(/Unexpected token|SyntaxError|zlib|incorrect header/);
    });
  });
});

describe('CORS with CORS_ORIGINS', () => {
  let sut: TestApp;
  let http: Server;

  beforeAll(async () => {
    sut = await createTestApp({ env: { CORS_ORIGINS: `${ORIGIN}, https://ops.example.org/` } });
    http = sut.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('answers the preflight of a listed origin, with the key headers allowed', async () => {
    const response = await request(http)
      .options('/api/v1/triage')
      .set('Origin', ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);

    expect(response.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(response.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('exposes Location to a listed origin and says nothing to others', async () => {
    const listed = await request(http)
      .post('/api/v1/triage')
      .set('Origin', 'https://ops.example.org')
      .send({ text: 'x' })
      .expect(201);
    const other = await request(http)
      .get('/api/v1/known-issues')
      .set('Origin', 'https://evil.example.com')
      .expect(200);

    expect(listed.headers['access-control-allow-origin']).toBe('https://ops.example.org');
    expect(listed.headers['access-control-expose-headers']).toMatch(/Location/);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the Swagger UI under the security headers', () => {
  let sut: TestApp;

  beforeAll(async () => {
    sut = await createTestApp();
  });

  afterAll(async () => {
    await sut?.close();
  });

  it('lets its inline styles and data: icons through, and scripts only from itself', async () => {
    const http = sut.app.getHttpServer() as Server;
    const page = await request(http).get('/api/docs/').expect(200);
    const policy = String(page.headers['content-security-policy']);

    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    for (const [, src] of page.text.matchAll(/<script\b[^>]*src="([^"]+)"/g)) {
      await request(http).get(new URL(src, 'http://x/api/docs/').pathname).expect(200);
    }
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
