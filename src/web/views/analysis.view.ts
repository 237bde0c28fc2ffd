import { type Fact, type RankedCause } from '../../engine/types';
import { evidenceExcerpts, type ExcerptLine } from './evidence-excerpts';
import {
  confidenceBadgeView,
  factSourceText,
  factsTableView,
  paragraphsView,
  referencesView,
  scoreView,
  stepsView,
} from './fragments.view';
import { html, type SafeHtml } from './html';
import { type AssetUrls, layoutView } from './layout.view';

export type Verdict = 'confirmed' | 'rejected';

export interface AnalysisPage {
  assets: AssetUrls;
  id: string;
  /** ISO-8601. */
  createdAt: string;
  /** Absolute URL of this page, to share. */
  permalink: string;
  facts: Fact[];
  causes: RankedCause[];
  /** The stored (redacted) paste split into lines, for the evidence excerpts. */
  lines: readonly string[];
  redactionCount: number;
  totalMs: number;
  /** How many known issues the paste was compared with. */
  knownIssueCount: number;
  /** Facts each cause's affected versions depend on, by issue id. */
  factNamesByIssue: ReadonlyMap<string, readonly string[]>;
  /** Feedback just stored by the form (the no-JavaScript path), to confirm it on the page. */
  recorded?: { issueId: string; verdict: Verdict };
}

export const VERDICT_MESSAGES: Record<Verdict, string> = {
  confirmed: 'Thanks, recorded: this was the cause.',
  rejected: 'Thanks, recorded: this was not the cause.',
};

/** `/analyses/{id}`: the ranked causes with their evidence, or a plain "nothing matched". */
export function analysisView(page: AnalysisPage): SafeHtml {
  const lineCount = page.lines.length;
  const body = html` <div class="page-intro page-intro--result">
      <p class="eyebrow"><a href="/">← New analysis</a></p>
      <h1>Analysis result</h1>
      <p class="meta">
        <time datetime="${page.createdAt}">${formatDate(page.createdAt)}</time> · ${lineCount}
        ${lineCount === 1 ? 'line' : 'lines'} · ${page.redactionCount}
        ${page.redactionCount === 1 ? 'secret' : 'secrets'} redacted · analysed in
        ${formatMs(page.totalMs)}
      </p>
      <div class="permalink">
        <label for="permalink">Permalink</label>
        <div class="permalink__row">
          <input id="permalink" type="text" readonly value="${page.permalink}" />
          <button
            type="button"
            class="button button--small copy-button"
            data-copy="${page.permalink}"
            hidden
          >
            Copy<span class="visually-hidden"> link</span>
          </button>
        </div>
      </div>
    </div>
    ${page.causes.length === 0 ? unmatchedView(page) : causesView(page)}`;
  // The tab (and a shared link's preview) names the best cause.
  const title =
    page.causes.length > 0 ? `${page.causes[0].title} (analysis)` : 'No known issue matched';
  return layoutView({ title, assets: page.assets, section: 'none', body });
}

function unmatchedView(page: AnalysisPage): SafeHtml {
  return html`<section class="card notice" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">No known issue matched</h2>
      <p>
        None of the ${page.knownIssueCount} known issues fits this paste, so the service does not
        guess. The problem may be one the knowledge base does not cover yet, or the paste may not
        contain the failing component's error lines.
      </p>
      <ul class="tips">
        <li>
          Include the error lines of the component that fails (calico-node, kube-proxy, kubelet,
          CoreDNS…).
        </li>
        <li>Add the kernel, OS, Kubernetes and CNI versions in the form.</li>
        <li>Browse the <a href="/known-issues">known issues</a> for similar symptoms.</li>
      </ul>
    </section>
    ${factsSectionView(page.facts)}`;
}

function factsSectionView(facts: readonly Fact[]): SafeHtml {
  return html`<section class="card facts-section" aria-labelledby="facts-title">
    <h2 id="facts-title">Facts read</h2>
    ${
      facts.length === 0
        ? html`<p class="muted">No version or environment fact was found in the paste.</p>`
        : factsTableView(facts)
    }
  </section>`;
}

function causesView(page: AnalysisPage): SafeHtml {
  const count = page.causes.length;
  return html`<p class="result-summary">
      ${count === 1 ? 'One possible cause' : `${count} possible causes`}, best first.
    </p>
    <ol class="causes">
      ${page.causes.map((cause, index) => html`<li>${causeView(page, cause, index + 1)}</li>`)}
    </ol>
    ${factsSectionView(page.facts)}`;
}

function causeView(page: AnalysisPage, cause: RankedCause, rank: number): SafeHtml {
  const titleId = `cause-${rank}-title`;
  return html`<article class="card cause" id="cause-${cause.issueId}" aria-labelledby="${titleId}">
    <header class="cause__header">
      <span class="cause__rank" aria-label="Rank ${rank}">${rank}</span>
      <div class="cause__heading">
        <h2 id="${titleId}">
          <a href="/known-issues/${encodeURIComponent(cause.issueId)}">${cause.title}</a>
        </h2>
        <p class="cause__id"><code>${cause.issueId}</code></p>
      </div>
      <div class="cause__rating">
        ${scoreView(cause.score)} ${confidenceBadgeView(cause.confidence)}
      </div>
    </header>

    <section class="cause__section">
      <h3>Evidence</h3>
      ${evidenceView(page.lines, cause)}
    </section>

    <section class="cause__section">
      <h3>Why</h3>
      <ul class="why">
        ${cause.why.map((reason) => html`<li>${reason}</li>`)}
      </ul>
      ${factsUsedView(page.facts, page.factNamesByIssue.get(cause.issueId) ?? [])}
    </section>

    <section class="cause__section">
      <h3>Root cause</h3>
      <div class="prose">${paragraphsView(cause.rootCause)}</div>
    </section>

    ${
      cause.remediation.length > 0 &&
      html`<section class="cause__section">
        <h3>Remediation</h3>
        ${stepsView(cause.remediation)}
      </section>`
    }
    ${
      cause.references.length > 0 &&
      html`<section class="cause__section">
        <h3>References</h3>
        ${referencesView(cause.references)}
      </section>`
    }
    ${feedbackView(page, cause)}
  </article>`;
}

function evidenceView(lines: readonly string[], cause: RankedCause): SafeHtml {
  if (cause.evidence.length === 0) {
    return html`<p class="muted">
      No log line matched this issue's signatures; it is ranked on how the text resembles its known
      symptoms and on the versions read.
    </p>`;
  }
  const signals = [...new Set(cause.evidence.map((evidence) => evidence.signal))];
  const excerpts = evidenceExcerpts(
    lines,
    cause.evidence.map((evidence) => evidence.line),
  );
  // An analysis stored without its text still shows the matched lines the engine returned.
  const blocks: ExcerptLine[][] =
    excerpts.blocks.length > 0
      ? excerpts.blocks
      : [
          cause.evidence.map((evidence) => ({
            number: evidence.line,
            text: evidence.text,
            omitted: 0,
            evidence: true,
          })),
        ];
  return html`<p class="evidence__signals">
      Matched ${signals.length === 1 ? 'signal' : 'signals'}:
      ${signals.map((signal, index) => html`${index > 0 ? ', ' : ''}<code>${signal}</code>`)}
    </p>
    ${blocks.map(excerptView)}
    ${
      excerpts.hiddenEvidence > 0 &&
      html`<p class="muted">
        …and ${excerpts.hiddenEvidence} more matching
        ${excerpts.hiddenEvidence === 1 ? 'line' : 'lines'}.
      </p>`
    }`;
}

function excerptView(block: ExcerptLine[]): SafeHtml {
  const first = block[0]?.number ?? 0;
  const last = block.at(-1)?.number ?? 0;
  return html`<div class="excerpt" role="group" aria-label="Paste lines ${first} to ${last}">
    ${block.map(
      (line) =>
        html`<div
          class="excerpt__line${line.evidence ? ' excerpt__line--evidence' : ''}"
          ${line.evidence ? html` data-evidence-line="${line.number}"` : ''}
        >
          <span class="excerpt__number">${line.number}</span
          ><span class="excerpt__text"
            >${line.evidence ? html`<mark>${line.text}</mark>` : line.text}${line.omitted > 0 && html`<span class="excerpt__omitted"> … ${line.omitted} more characters</span>`}</span
          >
        </div>`,
    )}
  </div>`;
}

function factsUsedView(facts: readonly Fact[], names: readonly string[]): SafeHtml {
  if (names.length === 0) return html``;
  return html`<p class="facts-used__label">Facts the affected versions were checked against:</p>
    <dl class="facts-used">
      ${names.map((name) => {
        const fact = facts.find((candidate) => candidate.name === name);
        return html`<div class="facts-used__item">
          <dt>${name}</dt>
          <dd>
            ${
              fact
                ? html`<code>${fact.value}</code>
                    <span class="muted">(${factSourceText(fact)})</span>`
                : html`<span class="muted">not found</span>`
            }
          </dd>
        </div>`;
      })}
    </dl>`;
}

function feedbackView(page: AnalysisPage, cause: RankedCause): SafeHtml {
  const recorded = page.recorded?.issueId === cause.issueId ? page.recorded.verdict : undefined;
  const pressed = (verdict: Verdict) => (recorded === verdict ? 'true' : 'false');
  return html`<form
    class="feedback"
    method="post"
    action="/analyses/${encodeURIComponent(page.id)}/feedback"
    data-feedback
    data-api="/api/v1/analyses/${encodeURIComponent(page.id)}/feedback"
  >
    <input type="hidden" name="issueId" value="${cause.issueId}" />
    <p class="feedback__question">Was this the cause?</p>
    <div class="feedback__buttons">
      <button
        type="submit"
        name="verdict"
        value="confirmed"
        class="button button--confirm"
        aria-pressed="${pressed('confirmed')}"
      >
        This was it
      </button>
      <button
        type="submit"
        name="verdict"
        value="rejected"
        class="button button--reject"
        aria-pressed="${pressed('rejected')}"
      >
        Not this
      </button>
    </div>
    <p class="feedback__status" role="status" aria-live="polite" data-feedback-status>
      ${recorded && VERDICT_MESSAGES[recorded]}
    </p>
  </form>`;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
