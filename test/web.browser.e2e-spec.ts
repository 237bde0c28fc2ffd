import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';

import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';

import { createTestApp, type TestApp } from './support/test-app';

/**
 * The web UI in a real browser: Debian's chromium driven by playwright-core (never a downloaded
 * browser build). A missing chromium fails the suite with a message saying what to install.
 */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];
const ROOT = join(__dirname, '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const README_SCREENSHOT = join(ROOT, 'docs', 'screenshots', 'result-page.png');

const XDP_ID = 'calico-xdp-kernel-5.4';
const XDP_TITLE = 'Calico 3.27.3 XDP/BPF programs fail to load on Linux kernel 5.4';
const xdpPattern = parse(readFileSync(join(ROOT, 'patterns', `${XDP_ID}.yaml`), 'utf8')) as {
  examples: { match: { text: string }[] };
};
/** calico-node on Ubuntu 20.04 (5.4 kernel): evidence on lines 4 and 5. */
const CALICO_NODE_LOG = xdpPattern.examples.match[0].text;
const BODY_LIMIT_BYTES = 256 * 1024;
// Page expressions are strings: the test is compiled without the DOM library.
const ACTIVE_ELEMENT_ID = 'document.activeElement && document.activeElement.id';
const ACTIVE_ELEMENT_TEXT = 'document.activeElement && document.activeElement.textContent.trim()';
const SELECTED_FILE_COUNT = "document.getElementById('file').files.length";

jest.setTimeout(120_000);

describe('the web UI in chromium', () => {
  let testApp: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Console errors and uncaught exceptions, CSP violations included: there must be none. */
  let browserErrors: string[];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(
        `No chromium at ${CHROMIUM_PATH}: the browser tests need Debian's chromium package ` +
          '(apt-get install chromium), or CHROMIUM_PATH pointing at a chromium binary.',
      );
    }
    testApp = await createTestApp({ bodyLimit: `${BODY_LIMIT_BYTES}b` });
    await testApp.app.listen(0, '127.0.0.1');
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    await mkdir(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    browserErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (error) => browserErrors.push(error.message));
  });

  afterEach(async () => {
    await context.close();
  });

  async function feedbackRows(
    analysisId: string,
  ): Promise<{ issue_id: string; verdict: string }[]> {
    return testApp.dataSource.query(
      'SELECT issue_id, verdict FROM feedback WHERE analysis_id = ? ORDER BY created_at',
      [analysisId],
    );
  }

  it('loads a log file, submits with the keyboard, shows the cause, records feedback', async () => {
    await page.goto(`${baseUrl}/`);
    await expect(page.title()).resolves.toBe('New analysis · kubetriage');
    await page.screenshot({ path: join(ARTIFACTS, 'web-form.png'), fullPage: true });

    // The file picker fills the text box (and the file is not uploaded a second time).
    await page.setInputFiles('#file', {
      name: 'calico-node.log',
      mimeType: 'text/plain',
      buffer: Buffer.from(CALICO_NODE_LOG),
    });
    // The file is read asynchronously: wait for the status line before reading the text box.
    await page
      .locator('[data-file-status]')
      .filter({ hasText: 'Loaded calico-node.log' })
      .waitFor();
    await expect(page.inputValue('#text')).resolves.toBe(CALICO_NODE_LOG);
    await expect(page.evaluate(SELECTED_FILE_COUNT)).resolves.toBe(0);

    // Keyboard only: labels lead to the inputs, Tab moves between them, Enter submits.
    await page.getByLabel('CNI', { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // calico, the first CNI of the list
    await page.keyboard.press('Tab');
    await page.keyboard.type('3.27.3');
    await expect(page.evaluate(ACTIVE_ELEMENT_ID)).resolves.toBe('cniVersion');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(ACTIVE_ELEMENT_TEXT)).resolves.toBe('Analyse');
    await Promise.all([
      page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/),
      page.keyboard.press('Enter'),
    ]);

    // The result: the right first cause, its evidence line highlighted in context.
    const analysisId = page.url().split('/').pop() ?? '';
    await expect(page.title()).resolves.toBe(`${XDP_TITLE} (analysis) · kubetriage`);
    const first = page.locator('.causes > li').first();
    await expect(first.locator('h2').innerText()).resolves.toBe(XDP_TITLE);
    await expect(first.locator('.badge').innerText()).resolves.toBe('High confidence');
    const evidence = first.locator('[data-evidence-line="4"]');
    await expect(evidence.isVisible()).resolves.toBe(true);
    await expect(evidence.innerText()).resolves.toContain('failed to wipe the XDP state');
    await expect(first.locator('.facts-used').innerText()).resolves.toMatch(
      /calico\s*3\.27\.3\s*\(stated in the form\)/,
    );
    await expect(page.inputValue('#permalink')).resolves.toBe(page.url());
    await page.screenshot({ path: join(ARTIFACTS, 'web-result.png'), fullPage: true });
    // The README's screenshot is refreshed on request only, so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await mkdir(join(ROOT, 'docs', 'screenshots'), { recursive: true });
      await copyFile(join(ARTIFACTS, 'web-result.png'), README_SCREENSHOT);
    }

    // "This was it" posts to the feedback API and says so in the live region.
    await first.getByRole('button', { name: 'This was it' }).click();
    await first
      .locator('[data-feedback-status]')
      .filter({ hasText: 'Thanks, recorded: this was the cause.' })
      .waitFor();
    await expect(
      first.getByRole('button', { name: 'This was it' }).getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await expect(feedbackRows(analysisId)).resolves.toEqual([
      { issue_id: XDP_ID, verdict: 'confirmed' },
    ]);
    const issue = await page.request.get(`${baseUrl}/api/v1/known-issues/${XDP_ID}`);
    expect(
      ((await issue.json()) as { statistics: { confirmed: number } }).statistics.confirmed,
    ).toBe(1);

    // The permalink opens the same result in a fresh browser session.
    const other = await browser.newContext();
    try {
      const shared = await other.newPage();
      await shared.goto(`${baseUrl}/analyses/${analysisId}`);
      await expect(shared.locator('.causes > li h2').first().innerText()).resolves.toBe(XDP_TITLE);
    } finally {
      await other.close();
    }
    expect(browserErrors).toEqual([]);
  });

  it('copies a remediation command to the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.goto(`${baseUrl}/known-issues/${XDP_ID}`);
    const button = page.locator('.command .copy-button').first();
    const command = await button.getAttribute('data-copy');
    await button.click();
    await page.locator('.command .copy-button').filter({ hasText: 'Copied' }).waitFor();
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(command);
    expect(browserErrors).toEqual([]);
  });

  it('loads a dropped file and refuses one over the body limit', async () => {
    await page.goto(`${baseUrl}/`);
    const drop = async (name: string, text: string) => {
      const dataTransfer = await page.evaluateHandle(
        `(() => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([${JSON.stringify(text)}], ${JSON.stringify(name)}));
          return transfer;
        })()`,
      );
      await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer });
    };

    await drop('node.log', 'calico-node: failed to wipe the XDP state\n');
    await page.locator('[data-file-status]').filter({ hasText: 'Loaded node.log' }).waitFor();
    await expect(page.inputValue('#text')).resolves.toBe(
      'calico-node: failed to wipe the XDP state\n',
    );

    await drop('huge.log', 'x'.repeat(BODY_LIMIT_BYTES + 1));
    const status = page.locator('[data-file-status]');
    await status.filter({ hasText: 'over the 256 KB limit' }).waitFor();
    await expect(status.getAttribute('class')).resolves.toContain('file-status--error');
    // The text box keeps what it had.
    await expect(page.inputValue('#text')).resolves.toBe(
      'calico-node: failed to wipe the XDP state\n',
    );
    expect(browserErrors).toEqual([]);
  });

  it('works without JavaScript: form post, result page, feedback form', async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await noScript.newPage();
      await plain.goto(`${baseUrl}/`);
      await plain.fill('#text', CALICO_NODE_LOG);
      await Promise.all([
        plain.waitForURL(/\/analyses\/[0-9a-f-]{36}$/),
        plain.click('button[type="submit"]'),
      ]);
      const analysisId = plain.url().split('/').pop() ?? '';
      await expect(plain.locator('.causes > li h2').first().innerText()).resolves.toBe(XDP_TITLE);
      // Copy buttons need the script: hidden without it.
      await expect(plain.locator('.copy-button').first().isVisible()).resolves.toBe(false);

      await Promise.all([
        plain.waitForURL(/feedback=rejected/),
        plain.locator('.causes > li').first().getByRole('button', { name: 'Not this' }).click(),
      ]);
      await expect(plain.locator('[data-feedback-status]').first().innerText()).resolves.toBe(
        'Thanks, recorded: this was not the cause.',
      );
      await expect(feedbackRows(analysisId)).resolves.toEqual([
        { issue_id: XDP_ID, verdict: 'rejected' },
      ]);
    } finally {
      await noScript.close();
    }
  });

  it('records feedback through the form post when the API refuses the page', async () => {
    // As with API_AUTH=required: the JSON API wants a key the page does not hold.
    await page.route('**/api/v1/analyses/*/feedback', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'API key needed' }),
      }),
    );
    await page.goto(`${baseUrl}/`);
    await page.fill('#text', CALICO_NODE_LOG);
    await Promise.all([page.waitForURL(/\/analyses\/[0-9a-f-]{36}$/), page.click('[data-submit]')]);
    const analysisId = page.url().split('/').pop() ?? '';
    await Promise.all([
      page.waitForURL(/feedback=confirmed/),
      page.locator('.causes > li').first().getByRole('button', { name: 'This was it' }).click(),
    ]);
    await expect(page.locator('[data-feedback-status]').first().innerText()).resolves.toBe(
      'Thanks, recorded: this was the cause.',
    );
    await expect(feedbackRows(analysisId)).resolves.toEqual([
      { issue_id: XDP_ID, verdict: 'confirmed' },
    ]);
    // The refused fetch is logged by the browser; nothing else may be.
    expect(browserErrors.filter((error) => !error.includes('401'))).toEqual([]);
  });

  it('fits a phone screen in one column', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/`);
    await page.fill('#text', CALICO_NODE_LOG);
    await Promise.all([page.waitForURL(/\/analyses\//), page.click('button[type="submit"]')]);
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'web-result-phone.png'), fullPage: true });
    expect(browserErrors).toEqual([]);
  });

  it('filters the knowledge base as one types', async () => {
    await page.goto(`${baseUrl}/known-issues`);
    await page.getByLabel('Search the knowledge base').fill('xdp 5.4');
    await expect(page.locator('.issue-list__item:visible').count()).resolves.toBe(1);
    await expect(page.innerText('[data-issue-count]')).resolves.toMatch(/^1 of \d+ known issues$/);
    await expect(page.locator('.issue-list__item:visible h2').innerText()).resolves.toBe(XDP_TITLE);
    expect(page.url()).toContain('q=xdp+5.4');
    expect(browserErrors).toEqual([]);
  });
});
