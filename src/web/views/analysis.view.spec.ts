import { type RankedCause } from '../../engine/types';
import { type AnalysisPage, analysisView } from './analysis.view';
import { splitLines } from './evidence-excerpts';

const assets = {
  css: '/assets/app.css?v=1',
  js: '/assets/app.js?v=1',
  icon: '/assets/favicon.svg?v=1',
};

const SCRIPT = '<script>alert("pwned")</script>';
const HOSTILE_PASTE = [
  'Linux worker-3 5.4.0-182-generic #202-Ubuntu SMP x86_64 GNU/Linux',
  `${SCRIPT} <img src=x onerror=alert(1)>`,
  'felix: failed to wipe the XDP state error=failed to load BPF program ' + SCRIPT,
  '" onmouseover="alert(3)" \' `',
  'A'.repeat(50_000),
].join('\n');

function cause(overrides: Partial<RankedCause> = {}): RankedCause {
  return {
    issueId: 'calico-xdp-kernel-5.4',
    title: `Calico XDP ${SCRIPT}`,
    score: 0.931,
    confidence: 'high',
    evidence: [{ line: 3, text: 'felix: failed …', signal: `xdp-state-wipe-failed${SCRIPT}` }],
    why: [`kernel 5.4.0-182-generic (line 1) is within the affected range ${SCRIPT}`],
    rootCause: `Felix cannot wipe its XDP state.\n\n${SCRIPT}`,
    remediation: [
      {
        title: 'Disable XDP',
        commands: [`kubectl patch felixconfiguration default -p '{"spec":{"xdpEnabled":false}}'`],
      },
    ],
    references: ['https://github.com/projectcalico/calico/issues/8833', 'javascript:alert(1)'],
    ...overrides,
  };
}

/** The markup with every run of whitespace as one space, as a browser lays it out. */
const flat = (markup: string) => markup.replace(/\s+/g, ' ');

function page(overrides: Partial<AnalysisPage> = {}): AnalysisPage {
  return {
    assets,
    id: '6265c8d0-3277-4480-ac55-7846d16674bf',
    createdAt: '2026-11-22T08:10:00.000Z',
    permalink: 'http://localhost/analyses/6265c8d0-3277-4480-ac55-7846d16674bf',
    facts: [{ name: 'kernel', value: `5.4.0${SCRIPT}`, source: 'text', line: 1 }],
    causes: [cause()],
    lines: splitLines(HOSTILE_PASTE),
    redactionCount: 0,
    totalMs: 1.8,
    knownIssueCount: 50,
    factNamesByIssue: new Map([['calico-xdp-kernel-5.4', ['calico', 'kernel']]]),
    ...overrides,
  };
}

/** The tags of the markup (escaped text holds no `<`, so these are real elements only). */
function tags(markup: string): string[] {
  return [...markup.matchAll(/<[a-z][^>]*>/gi)].map((match) => match[0]);
}

/** Attribute names of every tag, with quoted values removed (they may hold escaped text). */
function attributeNames(markup: string): Set<string> {
  return new Set(
    tags(markup).flatMap((tag) =>
      [...tag.replace(/"[^"]*"/g, '""').matchAll(/\s([a-z-]+)=/gi)].map((match) =>
        match[1].toLowerCase(),
      ),
    ),
  );
}

describe(analysisView.name, () => {
  it('renders a paste holding <script>, quotes and event handlers inert', () => {
    const markup = analysisView(page()).value;
    expect(markup).not.toContain(SCRIPT);
    expect(markup).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // The only script element is the page's own asset, and no tag has an event handler.
    expect(tags(markup).filter((tag) => /^<script/i.test(tag))).toEqual([
      '<script src="/assets/app.js?v=1" defer>',
    ]);
    expect(tags(markup).filter((tag) => /^<img/i.test(tag))).toEqual([]);
    expect([...attributeNames(markup)].filter((name) => name.startsWith('on'))).toEqual([]);
  });

  it('links http(s) references only', () => {
    const markup = analysisView(page()).value;
    expect(markup).toContain('href="https://github.com/projectcalico/calico/issues/8833"');
    expect(markup).not.toContain('href="javascript:');
    expect(markup).toContain('<li>javascript:alert(1)</li>');
  });

  it('shows the evidence line highlighted with its neighbours and line numbers', () => {
    const markup = analysisView(page()).value;
    expect(markup).toContain('data-evidence-line="3"');
    expect(markup).toMatch(
      /excerpt__number">1<.*excerpt__number">2<.*excerpt__number">3<.*excerpt__number">4<.*excerpt__number">5</s,
    );
    expect(markup).toContain('<mark>felix: failed to wipe the XDP state');
  });

  it('cuts a huge neighbouring line', () => {
    const markup = analysisView(page()).value;
    expect(markup).not.toContain('A'.repeat(1001));
    expect(markup).toContain(`… ${50_000 - 1000} more characters`);
  });

  it('has a feedback form per cause posting the issue id and a verdict', () => {
    const markup = flat(analysisView(page()).value);
    expect(markup).toContain('action="/analyses/6265c8d0-3277-4480-ac55-7846d16674bf/feedback"');
    expect(markup).toContain(
      'data-api="/api/v1/analyses/6265c8d0-3277-4480-ac55-7846d16674bf/feedback"',
    );
    expect(markup).toContain('name="issueId" value="calico-xdp-kernel-5.4"');
    expect(markup).toContain('name="verdict" value="confirmed"');
    expect(markup).toContain('name="verdict" value="rejected"');
  });

  it('confirms feedback recorded by the form without JavaScript', () => {
    const markup = analysisView(
      page({ recorded: { issueId: 'calico-xdp-kernel-5.4', verdict: 'confirmed' } }),
    ).value;
    expect(markup).toContain('Thanks, recorded: this was the cause.');
    expect(flat(markup)).toContain(
      'value="confirmed" class="button button--confirm" aria-pressed="true"',
    );
  });

  it('says plainly that nothing matched, and shows the facts read', () => {
    const markup = analysisView(page({ causes: [] })).value;
    expect(markup).toContain('No known issue matched');
    expect(markup).toContain('None of the 50 known issues fits this paste');
    expect(markup).toContain('Facts read');
    expect(markup).toContain('paste line 1');
    expect(markup).not.toContain('class="feedback"');
  });

  it('explains a cause ranked on the description alone', () => {
    const markup = analysisView(page({ causes: [cause({ evidence: [] })] })).value;
    expect(markup).toContain('No log line matched this issue');
  });
});
