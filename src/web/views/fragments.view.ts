import { type Confidence, type Fact, type RemediationStep } from '../../engine/types';
import { html, safeHref, type SafeHtml } from './html';

/** Text written with blank lines between paragraphs (root causes, summaries) as `<p>` elements. */
export function paragraphsView(text: string): SafeHtml {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  return html`${paragraphs.map((paragraph) => html`<p>${paragraph}</p>`)}`;
}

/** A command in a code block with a copy button (the button is shown once the script runs). */
export function commandView(command: string): SafeHtml {
  return html`<div class="command">
    <pre><code>${command}</code></pre>
    <button type="button" class="button button--small copy-button" data-copy="${command}" hidden>
      Copy<span class="visually-hidden"> command</span>
    </button>
  </div>`;
}

/** Numbered remediation (or confirmation) steps, each with its commands. */
export function stepsView(steps: readonly RemediationStep[]): SafeHtml {
  return html`<ol class="steps">
    ${steps.map(
      (step) =>
        html`<li class="step">
          <h4 class="step__title">${step.title}</h4>
          ${step.description && html`<p class="step__description">${step.description}</p>`}
          ${step.commands.map(commandView)}
        </li>`,
    )}
  </ol>`;
}

export function referencesView(references: readonly string[]): SafeHtml {
  return html`<ul class="references">
    ${references.map((reference) => {
      const href = safeHref(reference);
      return href
        ? html`<li><a href="${href}" rel="noreferrer noopener">${reference}</a></li>`
        : html`<li>${reference}</li>`;
    })}
  </ul>`;
}

const CONFIDENCE_LABELS: Record<Confidence, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};

export function confidenceBadgeView(confidence: Confidence): SafeHtml {
  return html`<span class="badge badge--${confidence}">${CONFIDENCE_LABELS[confidence]}</span>`;
}

/** Score in [0, 1] as a number and a bar. */
export function scoreView(score: number): SafeHtml {
  const clamped = Math.min(1, Math.max(0, score));
  const percent = Math.round(clamped * 100);
  return html`<span class="score">
    <span class="score__label">Score <strong>${clamped.toFixed(2)}</strong></span>
    <meter
      class="score__meter"
      min="0"
      max="1"
      low="0.4"
      high="0.7"
      optimum="1"
      value="${clamped.toFixed(3)}"
      aria-label="Score ${percent} percent"
    >
      ${percent}%
    </meter>
  </span>`;
}

/** Where a fact came from, in words. */
export function factSourceText(fact: Fact): string {
  if (fact.source === 'context') return 'stated in the form';
  return fact.line === undefined ? 'read from the paste' : `paste line ${fact.line}`;
}

/** The facts as a table: name, value, where it came from. */
export function factsTableView(facts: readonly Fact[]): SafeHtml {
  return html`<div class="table-scroll">
    <table class="facts">
      <thead>
        <tr>
          <th scope="col">Fact</th>
          <th scope="col">Value</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        ${facts.map(
          (fact) =>
            html`<tr>
              <th scope="row">${fact.name}</th>
              <td><code>${fact.value}</code></td>
              <td>${factSourceText(fact)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
