import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';

import request from 'supertest';
import { parse } from 'yaml';

import { slackMessageViolations } from './support/slack-block-kit';
import { createTestApp, type TestApp } from './support/test-app';

const XDP_ID = 'calico-xdp-kernel-5.4';
const xdpPattern = parse(
  readFileSync(join(__dirname, '..', 'patterns', `${XDP_ID}.yaml`), 'utf8'),
) as { examples: { match: { text: string }[] } };
/** The calico-node log of an Ubuntu 20.04 node (the first `match` example of the entry). */
const CALICO_NODE_LOG = xdpPattern.examples.match[0].text;
/** Its first `failed to wipe the XDP state` line. */
const PASTE_LINE_4 = CALICO_NODE_LOG.split('\n')[3];

const SLACK_SECRET = 'e2e-slack-signing-secret-0123456789';
const MATTERMOST_TOKEN = 'xr3j5x3p4pfk7kk6ck7b4e6ghh';
/** A known base64 key (the sample key of Microsoft's outgoing-webhook sample). */
const TEAMS_TOKEN = 'vqF0En+Z0ucuRTM/01o2GuhMH3hKKk/N2bOmlM31zaA=';
const PUBLIC_URL = 'https://triage.example.org';
const FORM = 'application/x-www-form-urlencoded';
const PROBLEM_JSON = /^application\/problem\+json/;

/** Slack's worked example ("Verifying requests from Slack"), signed at 1531420618. */
const SLACK_DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
  '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
  '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
  '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

/** Signed independently of the code under test, as Slack documents it. */
function slackHeaders(body: string, secret = SLACK_SECRET, timestamp = nowSeconds()) {
  const signature = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': FORM,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${signature}`,
  };
}

function teamsHeaders(body: string, token = TEAMS_TOKEN) {
  const hmac = createHmac('sha256', Buffer.from(token, 'base64')).update(body).digest('base64');
  return { 'content-type': 'application/json', authorization: `HMAC ${hmac}` };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

interface ReceivedPost {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/** A stand-in for Slack's response_url endpoint, on 127.0.0.1 only. */
class ResponseUrlServer {
  private readonly received: ReceivedPost[] = [];
  private readonly waiters: { path: string; resolve: (post: ReceivedPost) => void }[] = [];
  private server?: Server;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const post = {
          path: req.url ?? '',
          contentType: req.headers['content-type'],
          body: JSON.parse(raw) as unknown,
        };
        this.received.push(post);
        for (const waiter of this.waiters.filter((candidate) => candidate.path === post.path)) {
          waiter.resolve(post);
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The first post to `path`, waiting for it if it has not arrived yet. */
  next(path: string): Promise<ReceivedPost> {
    const arrived = this.received.find((post) => post.path === path);
    if (arrived) return Promise.resolve(arrived);
    return new Promise((resolve) => this.waiters.push({ path, resolve }));
  }

  postsTo(path: string): ReceivedPost[] {
    return this.received.filter((post) => post.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

interface SlackButton {
  action_id: string;
  value?: string;
  url?: string;
}
interface SlackBlock {
  type: string;
  text?: { type: string; text: string };
  elements?: SlackButton[];
}
interface SlackReply {
  response_type?: string;
  text: string;
  blocks?: SlackBlock[];
}

describe('chatops endpoints', () => {
  const hooks = new ResponseUrlServer();
  let t: TestApp;
  let http: ReturnType<typeof request>;

  const count = async (table: 'analysis' | 'feedback'): Promise<number> => {
    const rows: { n: number | string }[] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM ${table}`,
    );
    return Number(rows[0].n);
  };

  const slackCommand = (fields: Record<string, string>): string =>
    new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: 'T1DC2JH3J',
      channel_id: 'C1',
      user_id: 'U2CERLKJA',
      command: '/triage',
      response_url: `${hooks.origin}/commands/1`,
      trigger_id: '1.2.3',
      ...fields,
    }).toString();

  beforeAll(async () => {
    await hooks.start();
    t = await createTestApp({
      env: {
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        MATTERMOST_TOKEN,
        TEAMS_SECURITY_TOKEN: TEAMS_TOKEN,
        SLACK_RESPONSE_URL_ORIGINS: hooks.origin,
        PUBLIC_URL,
      },
    });
    http = request(t.app.getHttpServer());
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await hooks.stop();
  });

  describe('Slack slash command', () => {
    it('answers a real calico-node log with valid Block Kit naming calico-xdp-kernel-5.4 first', async () => {
      const before = await count('analysis');
      const body = slackCommand({ text: CALICO_NODE_LOG });

      const response = await http
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(body))
        .send(body)
        .expect(200)
        .expect('content-type', /^application\/json/);

      const reply = response.body as SlackReply;
      expect(slackMessageViolations(reply)).toEqual([]);
      expect(reply.response_type).toBe('ephemeral');
      const blocks = reply.blocks ?? [];
      expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
      const sections = blocks.filter((block) => block.type === 'section');
      expect(sections[0].text?.type).toBe('mrkdwn');
      expect(sections[0].text?.text).toMatch(
        /^\*1\. .+\*\n🟢 High confidence · score \d\.\d\d · `calico-xdp-kernel-5\.4`$/,
      );
      // Evidence points at the submitted line, shown as code with its 1-based number.
      expect(sections.map((section) => section.text?.text)).toContain(
        `*Evidence*, line 4 of your paste:\n\`\`\`${PASTE_LINE_4}\`\`\``,
      );

      // The same service as the API: the analysis is stored and served by GET /analyses/{id}.
      expect(await count('analysis')).toBe(before + 1);
      const buttons = blocks.flatMap((block) => block.elements ?? []);
      const feedback = buttons.find(
        (button) => button.action_id === 'kubetriage_feedback_confirmed',
      );
      const { analysisId, issueId } = JSON.parse(feedback?.value ?? '{}') as Record<string, string>;
      expect(issueId).toBe(XDP_ID);
      expect(buttons.find((button) => button.url)?.url).toBe(
        `${PUBLIC_URL}/analyses/${analysisId}`,
      );
      const stored = await http.get(`/api/v1/analyses/${analysisId}`).expect(200);
      expect(stored.body).toMatchObject({ source: 'slack', causes: [{ issueId: XDP_ID }] });
    });

    it("refuses Slack's documented request replayed today, and accepts it freshly signed", async () => {
      const before = await count('analysis');
      const replay = await http
        .post('/api/v1/chatops/slack/commands')
        .set({
          'content-type': FORM,
          'x-slack-request-timestamp': '1531420618',
          'x-slack-signature':
            'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
        })
        .send(SLACK_DOC_BODY)
        .expect(401)
        .expect('content-type', PROBLEM_JSON);
      expect(replay.body).toMatchObject({ status: 401, code: 'CHATOPS_REQUEST_EXPIRED' });

      const fresh = await http
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(SLACK_DOC_BODY))
        .send(SLACK_DOC_BODY)
        .expect(200);
      // Its text is empty: a friendly usage message, not an error and not a triage.
      expect((fresh.body as SlackReply).text).toMatch(/^\*\/webhook-collect &lt;logs or a symptom/);
      expect(slackMessageViolations(fresh.body)).toEqual([]);
      expect(await count('analysis')).toBe(before);
    });

    it.each([
      ['unsigned', (body: string) => ({ 'content-type': FORM, body })],
      [
        'signed with another secret',
        (body: string) => ({ ...slackHeaders(body, 'not-the-secret'), body }),
      ],
      [
        'tampered after signing',
        (body: string) => ({
          ...slackHeaders(body),
          body: body.replace('wipe', 'WIPE'),
        }),
      ],
      [
        'replayed six minutes later',
        (body: string) => ({ ...slackHeaders(body, SLACK_SECRET, nowSeconds() - 360), body }),
      ],
      [
        'dated six minutes ahead',
        (body: string) => ({ ...slackHeaders(body, SLACK_SECRET, nowSeconds() + 360), body }),
      ],
    ])('refuses a command %s with 401 and stores nothing', async (_name, build) => {
      const before = await count('analysis');
      const { body, ...headers } = build(slackCommand({ text: CALICO_NODE_LOG }));

      const response = await http
        .post('/api/v1/chatops/slack/commands')
        .set(headers)
        .send(body)
        .expect(401)
        .expect('content-type', PROBLEM_JSON);

      expect(response.body).toMatchObject({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
      });
      expect(await count('analysis')).toBe(before);
    });

    it('answers "nothing matched" with what to paste for an unrelated paste', async () => {
      const body = slackCommand({
        text: 'Failed to pull image "registry.example.org/app:1.2": rpc error: code = NotFound',
      });

      const response = await http
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);

      const reply = response.body as SlackReply;
      expect(reply.blocks).toBeUndefined();
      expect(reply.text).toMatch(/^No known Kubernetes networking issue matched this paste/);
      expect(slackMessageViolations(reply)).toEqual([]);
    });

    it('acknowledges a large paste at once and posts the result to the response_url', async () => {
      const filler = Array.from(
        { length: 900 },
        (_, index) =>
          `2024-05-30 08:1${index % 10}:01.001 [INFO][65] felix/health.go 336: Overall health status changed: live=true ready=true n=${index}`,
      ).join('\n');
      const paste = `${CALICO_NODE_LOG}\n${filler}`;
      expect(Buffer.byteLength(paste)).toBeGreaterThan(64 * 1024);
      const body = slackCommand({ text: paste, response_url: `${hooks.origin}/commands/large` });

      const response = await http
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);

      expect(response.body).toEqual({
        response_type: 'ephemeral',
        text: expect.stringMatching(
          /^:hourglass_flowing_sand: Analysing your paste \(\d+ KB\)/,
        ) as string,
      });
      const posted = await hooks.next('/commands/large');
      expect(posted.contentType).toMatch(/^application\/json/);
      expect(slackMessageViolations(posted.body)).toEqual([]);
      const sections = ((posted.body as SlackReply).blocks ?? []).filter(
        (b) => b.type === 'section',
      );
      expect(sections[0].text?.text).toContain(`\`${XDP_ID}\``);
    });

    it('refuses a signed command with a media type Slack never sends', async () => {
      const body = JSON.stringify({ text: CALICO_NODE_LOG });

      await http
        .post('/api/v1/chatops/slack/commands')
        .set({ ...slackHeaders(body), 'content-type': 'application/json' })
        .send(body)
        .expect(415)
        .expect('content-type', PROBLEM_JSON);
    });
  });

  describe('Slack interactivity', () => {
    const clickBody = (actionId: string, value: string, path: string): string =>
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: 'U2CERLKJA', username: 'roadrunner' },
          response_url: `${hooks.origin}${path}`,
          actions: [{ type: 'button', action_id: actionId, value, block_id: 'b1' }],
        }),
      }).toString();

    async function triageInSlack(): Promise<string> {
      const body = slackCommand({ text: CALICO_NODE_LOG });
      const response = await http
        .post('/api/v1/chatops/slack/commands')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);
      const buttons = ((response.body as SlackReply).blocks ?? []).flatMap((b) => b.elements ?? []);
      return buttons.find((button) => button.action_id === 'kubetriage_feedback_confirmed')
        ?.value as string;
    }

    it('stores the feedback of "This was it" and confirms it on the response_url', async () => {
      const value = await triageInSlack();
      const { analysisId } = JSON.parse(value) as { analysisId: string };
      const before = await count('feedback');
      const body = clickBody('kubetriage_feedback_confirmed', value, '/actions/confirm');

      const response = await http
        .post('/api/v1/chatops/slack/interactions')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);

      expect(response.text).toBe('');
      expect(await count('feedback')).toBe(before + 1);
      const rows: { analysis_id: string; issue_id: string; verdict: string }[] =
        await t.dataSource.query('SELECT analysis_id, issue_id, verdict FROM feedback');
      expect(rows.filter((row) => row.analysis_id === analysisId)).toEqual([
        { analysis_id: analysisId, issue_id: XDP_ID, verdict: 'confirmed' },
      ]);
      const posted = await hooks.next('/actions/confirm');
      expect(posted.body).toEqual({
        response_type: 'ephemeral',
        replace_original: false,
        text: `:white_check_mark: Thanks! Recorded that \`${XDP_ID}\` was the cause.`,
      });
      const issue = await http.get(`/api/v1/known-issues/${XDP_ID}`).expect(200);
      expect(JSON.stringify(issue.body)).toMatch(/"confirmed":[1-9]/);
    });

    it('refuses an unsigned or tampered click with 401 and stores no feedback', async () => {
      const value = await triageInSlack();
      const before = await count('feedback');
      const body = clickBody('kubetriage_feedback_rejected', value, '/actions/forged');

      await http
        .post('/api/v1/chatops/slack/interactions')
        .set('content-type', FORM)
        .send(body)
        .expect(401)
        .expect('content-type', PROBLEM_JSON);
      await http
        .post('/api/v1/chatops/slack/interactions')
        .set(slackHeaders(body))
        .send(body.replace('rejected', 'confirmed'))
        .expect(401);

      expect(await count('feedback')).toBe(before);
      expect(hooks.postsTo('/actions/forged')).toEqual([]);
    });

    it('acknowledges the link button without storing anything', async () => {
      const before = await count('feedback');
      const body = clickBody('kubetriage_open_analysis', '', '/actions/link');

      await http
        .post('/api/v1/chatops/slack/interactions')
        .set(slackHeaders(body))
        .send(body)
        .expect(200);

      expect(await count('feedback')).toBe(before);
    });
  });

  describe('Mattermost slash command', () => {
    const command = (fields: Record<string, string>): string =>
      new URLSearchParams({
        token: MATTERMOST_TOKEN,
        command: '/triage',
        channel_id: 'c1',
        team_id: 't1',
        user_id: 'u1',
        user_name: 'alice',
        response_url: 'https://mattermost.example.org/hooks/commands/x',
        ...fields,
      }).toString();

    it('answers with a Mattermost response naming calico-xdp-kernel-5.4 first', async () => {
      const response = await http
        .post('/api/v1/chatops/mattermost/commands')
        .set('content-type', FORM)
        .send(command({ text: CALICO_NODE_LOG }))
        .expect(200)
        .expect('content-type', /^application\/json/);

      const reply = response.body as { response_type: string; text: string };
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toMatch(
        /^#### kubetriage: \d+ likely causes?\n\n\*\*1\. .+\*\* `calico-xdp-kernel-5\.4`\n🟢 High confidence/,
      );
      expect(reply.text).toContain(
        `Evidence, line 4 of your paste:\n\`\`\`\n${PASTE_LINE_4}\n\`\`\``,
      );
      expect(reply.text).toMatch(new RegExp(`\\]\\(${PUBLIC_URL}/analyses/[0-9a-f-]{36}\\)`));
    });

    it('answers an empty command with usage help', async () => {
      const response = await http
        .post('/api/v1/chatops/mattermost/commands')
        .set('content-type', FORM)
        .send(command({ text: '' }))
        .expect(200);

      expect(response.body).toMatchObject({ response_type: 'ephemeral' });
      expect((response.body as { text: string }).text).toContain('followed by logs');
    });

    it.each([
      ['a wrong token', { token: 'xr3j5x3p4pfk7kk6ck7b4e6ghX' }],
      ['a shorter token', { token: 'xr3j5x3p' }],
      ['no token', { token: '' }],
    ])('refuses %s with 401 and stores nothing', async (_name, fields) => {
      const before = await count('analysis');

      const response = await http
        .post('/api/v1/chatops/mattermost/commands')
        .set('content-type', FORM)
        .send(command({ text: CALICO_NODE_LOG, ...fields }))
        .expect(401)
        .expect('content-type', PROBLEM_JSON);

      expect(response.body).toMatchObject({ status: 401 });
      expect(await count('analysis')).toBe(before);
    });
  });

  describe('Microsoft Teams outgoing webhook', () => {
    const activity = (text: string): string =>
      JSON.stringify({
        type: 'message',
        id: '1485983408511',
        timestamp: '2024-05-30T08:11:02.000Z',
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        channelId: 'msteams',
        from: { id: '29:1', name: 'Alice' },
        conversation: { id: '19:abc@thread.skype;messageid=1' },
        text,
        textFormat: 'plain',
      });

    it('verifies the HMAC and replies with a message activity naming calico-xdp-kernel-5.4', async () => {
      const body = activity(`<at>kubetriage</at> ${CALICO_NODE_LOG}`);

      const response = await http
        .post('/api/v1/chatops/teams/messages')
        .set(teamsHeaders(body))
        .send(body)
        .expect(200)
        .expect('content-type', /^application\/json/);

      const reply = response.body as { type: string; textFormat: string; text: string };
      expect(reply.type).toBe('message');
      expect(reply.textFormat).toBe('markdown');
      expect(reply.text).toMatch(
        /^\*\*kubetriage: \d+ likely causes?\*\*\n\n\*\*1\. .+\*\* `calico-xdp-kernel-5\.4`/,
      );
      // The mention is not part of the analysed text: the paste's line 4 is still line 4.
      expect(reply.text).toContain(`Evidence, line 4: \`${PASTE_LINE_4}\``);
      const [{ redacted }]: { redacted: string }[] = await t.dataSource.query(
        "SELECT redacted FROM analysis WHERE source = 'teams'",
      );
      expect(redacted.startsWith('Linux worker-3')).toBe(true);
    });

    it.each([
      ['without a signature', (body: string) => ({ 'content-type': 'application/json', body })],
      [
        'signed with another key',
        (body: string) => ({ ...teamsHeaders(body, randomBytes(32).toString('base64')), body }),
      ],
      ['tampered after signing', (body: string) => ({ ...teamsHeaders(body), body: `${body} ` })],
    ])('refuses a message %s with 401 and stores nothing', async (_name, build) => {
      const before = await count('analysis');
      const { body, ...headers } = build(activity(`<at>kubetriage</at> ${CALICO_NODE_LOG}`));

      await http
        .post('/api/v1/chatops/teams/messages')
        .set(headers)
        .send(body)
        .expect(401)
        .expect('content-type', PROBLEM_JSON);

      expect(await count('analysis')).toBe(before);
    });
  });
});

describe('chatops/slack-app-manifest.yaml', () => {
  const manifest = parse(
    readFileSync(join(__dirname, '..', 'chatops', 'slack-app-manifest.yaml'), 'utf8'),
  ) as {
    features: { slash_commands: { command: string; url: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: { interactivity: { is_enabled: boolean; request_url: string } };
  };
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { SLACK_SIGNING_SECRET: SLACK_SECRET } });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it('declares /triage and interactivity on the routes the service serves', async () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe('/triage');
    expect(manifest.oauth_config.scopes.bot).toContain('commands');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);

    for (const url of [command.url, manifest.settings.interactivity.request_url]) {
      expect(url).toMatch(/^https:\/\/kubetriage\.example\.com\/api\/v1\/chatops\/slack\//);
      // The route exists and wants a signature (404 would mean the manifest points nowhere).
      await request(t.app.getHttpServer())
        .post(new URL(url).pathname)
        .set('content-type', FORM)
        .send('text=x')
        .expect(401);
    }
  });
});

describe('chatops endpoints without secrets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  it.each([
    ['Slack commands', '/api/v1/chatops/slack/commands', FORM],
    ['Slack interactions', '/api/v1/chatops/slack/interactions', FORM],
    ['Mattermost', '/api/v1/chatops/mattermost/commands', FORM],
    ['Teams', '/api/v1/chatops/teams/messages', 'application/json'],
  ])(
    'answers %s with 503 "not configured", never accepting unsigned requests',
    async (_name, path, type) => {
      const body =
        type === FORM
          ? `token=anything&text=${encodeURIComponent(CALICO_NODE_LOG)}`
          : '{"text":"x"}';

      const response = await request(t.app.getHttpServer())
        .post(path)
        .set('content-type', type)
        .send(body)
        .expect(503)
        .expect('content-type', PROBLEM_JSON);

      expect(response.body).toMatchObject({ status: 503, code: 'CHATOPS_NOT_CONFIGURED' });
      expect(response.body.detail).toMatch(/not configured/);
    },
  );
});
