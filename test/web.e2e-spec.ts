import { readFileSync } from 'node:fs';
import { type Server } from 'node:http';
import { join } from 'node:path';

import request from 'supertest';
import { parse } from 'yaml';

import { createTestApp, type TestApp } from './support/test-app';

const XDP_ID = 'calico-xdp-kernel-5.4';
const xdpPattern = parse(
  readFileSync(join(__dirname, '..', 'patterns', `${XDP_ID}.yaml`), 'utf8'),
) as { examples: { match: { text: string }[] } };
/** The calico-node log of an Ubuntu 20.04 node (the first `match` example of the entry). */
const CALICO_NODE_LOG = xdpPattern.examples.match[0].text;
const IMAGE_PULL_BACKOFF = readFileSync(
  join(__dirname, 'fixtures', 'image-pull-backoff.txt'),
  'utf8',
);
const HTML = /^text\/html; charset=utf-8/;
const ANALYSIS_PATH = /^\/analyses\/[0-9a-f-]{36}$/;

/** The markup with every run of whitespace as one space, as a browser lays it out. */
const flat = (markup: string) => markup.replace(/\s+/g, ' ');

describe('the web pages', () => {
  let testApp: TestApp;
  let server: Server;

  beforeAll(async () => {
    testApp = await createTestApp({ bodyLimit: '64kb' });
    server = testApp.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await testApp.close();
  });

  async function submit(fields: Record<string, string>): Promise<string> {
    const response = await request(server).post('/analyses').type('form').send(fields);
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(ANALYSIS_PATH);
    return response.headers.location as string;
  }

  describe('GET /', () => {
    it('serves the paste form with a strict Content-Security-Policy', async () => {
      const response = await request(server).get('/');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(HTML);
      const csp = response.headers['content-security-policy'] as string;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(flat(response.text)).toMatch(
        /<form class="paste-form card" method="post" action="\/analyses" enctype="multipart\/form-data"/,
      );
      expect(response.text).toContain('<label for="text"');
      expect(response.text).toContain('跨节点 Pod 无法 ping 通');
      expect(response.text).toContain('data-max-bytes="65536"');
    });

    it('references no other origin', async () => {
      const { text } = await request(server).get('/');
      const urls = [...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((url) => !url.startsWith('/') && !url.startsWith('#'))).toEqual([]);
      expect(text).not.toMatch(/<script>|<style>|\sstyle="/);
    });
  });

  describe('GET /assets/{name}', () => {
    it.each([
      ['app.css', /^text\/css/],
      ['app.js', /^text\/javascript/],
      ['favicon.svg', /^image\/svg\+xml/],
    ])('serves %s with a content version for long caching', async (name, type) => {
      const page = await request(server).get('/');
      const url = new RegExp(`/assets/${name.replace('.', '\\.')}\\?v=([0-9a-f]+)`).exec(page.text);
      expect(url).not.toBeNull();
      const response = await request(server).get(url?.[0] ?? '');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(type);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const revalidated = await request(server)
        .get(`/assets/${name}`)
        .set('If-None-Match', response.headers.etag as string);
      expect(revalidated.status).toBe(304);
    });

    it('answers an unknown asset with a 404 page', async () => {
      const response = await request(server).get('/assets/..%2Fpackage.json');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(HTML);
    });
  });

  describe('POST /analyses', () => {
    it('analyses a urlencoded paste and redirects to its permalink', async () => {
      const location = await submit({ text: CALICO_NODE_LOG, cni: 'calico', cniVersion: '3.27.3' });
      const page = await request(server).get(location);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(HTML);
      expect(page.text).toContain(
        'Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4',
      );
      expect(page.text).toContain('data-evidence-line="4"');
      expect(page.text).toContain('stated in the form');

      // The same stored analysis as the API's.
      const id = location.split('/').pop() ?? '';
      const api = await request(server).get(`/api/v1/analyses/${id}`);
      expect(api.status).toBe(200);
      expect((api.body as { causes: { issueId: string }[] }).causes[0].issueId).toBe(XDP_ID);
      expect((api.body as { source: string }).source).toBe('web');
    });

    it('analyses an uploaded log file (multipart)', async () => {
      const response = await request(server)
        .post('/analyses')
        .field('text', '')
        .attach('file', Buffer.from(CALICO_NODE_LOG), 'calico-node.log');
      expect(response.status).toBe(303);
      const page = await request(server).get(response.headers.location as string);
      expect(page.text).toContain(`<code>${XDP_ID}</code>`);
    });

    it('shows the form again with a message for an empty paste', async () => {
      const response = await request(server)
        .post('/analyses')
        .type('form')
        .send({ text: '   ', kernel: '5.4.0-189-generic' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(HTML);
      expect(response.text).toContain('Paste a log or describe the symptom, or choose a log file.');
      expect(response.text).toContain('value="5.4.0-189-generic"');
    });

    // The form is always multipart, so a browser meets these. (A urlencoded body over the limit,
    // from curl, is refused by the global parser before routing, with the API's problem+json.)
    it.each([
      [
        'a multipart text field',
        () =>
          request(server)
            .post('/analyses')
            .field('text', 'x'.repeat(70 * 1024)),
      ],
      [
        'an uploaded file',
        () =>
          request(server)
            .post('/analyses')
            .attach('file', Buffer.alloc(70 * 1024, 'x'), 'big.log'),
      ],
    ])('answers %s over the body limit with a readable 413 page', async (_name, send) => {
      const response = await send();
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(HTML);
      expect(response.text).toContain('The paste is too large');
      expect(response.text).toContain('up to 64 KB');
    });

    it('refuses a urlencoded paste over the body limit', async () => {
      const response = await request(server)
        .post('/analyses')
        .type('form')
        .send({ text: 'x'.repeat(70 * 1024) });
      expect(response.status).toBe(413);
    });

    it('keeps problem+json for the API', async () => {
      const response = await request(server).post('/api/v1/triage').send({ text: ' ' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('GET /analyses/{id}', () => {
    it('renders a hostile paste inert', async () => {
      const location = await submit({
        // Right after the evidence lines, so it is shown in their context.
        text: `${CALICO_NODE_LOG}<script>alert(1)</script>\n" onmouseover="alert(2)\n`,
      });
      const page = await request(server).get(location);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert(1)</script>');
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('says plainly when nothing matched and shows the facts read', async () => {
      const page = await request(server).get(await submit({ text: IMAGE_PULL_BACKOFF }));
      expect(page.status).toBe(200);
      expect(page.text).toContain('No known issue matched');
      expect(page.text).toContain('Facts read');
    });

    it.each(['00000000-0000-4000-8000-000000000000', 'not-an-id'])(
      'answers %s with a 404 page',
      async (id) => {
        const response = await request(server).get(`/analyses/${id}`);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(HTML);
        expect(response.text).toMatch(/Analysis not found|Page not found/);
      },
    );
  });

  describe('POST /analyses/{id}/feedback (the form without JavaScript)', () => {
    it('stores the verdict and confirms it on the result page', async () => {
      const location = await submit({ text: CALICO_NODE_LOG });
      const before = await request(server).get(`/api/v1/known-issues/${XDP_ID}`);
      const confirmedBefore = (before.body as { statistics: { confirmed: number } }).statistics
        .confirmed;

      const response = await request(server)
        .post(`${location}/feedback`)
        .type('form')
        .send({ issueId: XDP_ID, verdict: 'confirmed' });
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(
        `${location}?feedback=confirmed&issue=${XDP_ID}#cause-${XDP_ID}`,
      );
      const page = await request(server).get(response.headers.location as string);
      expect(page.text).toContain('Thanks, recorded: this was the cause.');

      const after = await request(server).get(`/api/v1/known-issues/${XDP_ID}`);
      expect((after.body as { statistics: { confirmed: number } }).statistics.confirmed).toBe(
        confirmedBefore + 1,
      );
    });

    it('refuses a verdict the buttons never send', async () => {
      const location = await submit({ text: CALICO_NODE_LOG });
      const response = await request(server)
        .post(`${location}/feedback`)
        .type('form')
        .send({ issueId: XDP_ID, verdict: 'maybe' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(HTML);
    });
  });

  describe('the knowledge base pages', () => {
    it('lists every known issue and filters by the query', async () => {
      const all = await request(server).get('/known-issues');
      expect(all.status).toBe(200);
      expect(all.text).toMatch(/\d+ known issues/);
      expect(all.text).toContain(`href="/known-issues/${XDP_ID}"`);

      const filtered = await request(server).get('/known-issues').query({ q: 'XDP 5.4' });
      expect(filtered.text).toMatch(/1 of \d+ known issues/);
      const visible = [
        ...flat(filtered.text).matchAll(/<li class="issue-list__item card"[^>]*>/g),
      ].filter((match) => !match[0].includes(' hidden'));
      expect(visible).toHaveLength(1);
    });

    it('shows one issue with its remediation and references', async () => {
      const response = await request(server).get(`/known-issues/${XDP_ID}`);
      expect(response.status).toBe(200);
      expect(response.text).toContain('Calico 3.27.3 的 XDP/BPF 程序在 5.4 内核上加载失败');
      expect(response.text).toContain('data-copy="uname -r"');
      expect(response.text).toContain('href="https://github.com/projectcalico/calico/issues/8833"');
    });

    it('answers an unknown issue with a 404 page', async () => {
      const response = await request(server).get('/known-issues/no-such-issue');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toMatch(HTML);
      expect(response.text).toContain('Known issue not found');
    });
  });
});
