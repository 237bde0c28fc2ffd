import { type RemediationStep } from '../../engine/types';
import { paragraphsView, referencesView, stepsView } from './fragments.view';
import { html, type SafeHtml } from './html';
import { type AssetUrls, layoutView } from './layout.view';

export interface KnownIssueDetail {
  id: string;
  title: string;
  titleZh?: string;
  components: string[];
  summary?: string;
  affected: { fact: string; range?: string; oneOf?: string[] }[];
  symptoms: { en: string[]; zh: string[] };
  rootCause: string;
  remediation: RemediationStep[];
  confirm: RemediationStep[];
  references: string[];
  statistics: { matched: number; confirmed: number; rejected: number };
}

export interface KnownIssuePage {
  assets: AssetUrls;
  issue: KnownIssueDetail;
}

/** `/known-issues/{id}`: one entry of the knowledge base. */
export function knownIssueView({ assets, issue }: KnownIssuePage): SafeHtml {
  const { matched, confirmed, rejected } = issue.statistics;
  const body = html` <div class="page-intro">
      <p class="eyebrow"><a href="/known-issues">← Known issues</a></p>
      <h1>${issue.title}</h1>
      ${issue.titleZh && html`<p class="subtitle" lang="zh">${issue.titleZh}</p>`}
      <p class="issue-list__meta">
        <code>${issue.id}</code>
        ${issue.components.map((component) => html`<span class="tag">${component}</span>`)}
      </p>
    </div>
    <div class="detail-grid">
      <div class="detail-grid__main">
        ${
          issue.summary &&
          html`<section class="card">
            <h2>Summary</h2>
            <div class="prose">${paragraphsView(issue.summary)}</div>
          </section>`
        }
        <section class="card">
          <h2>Root cause</h2>
          <div class="prose">${paragraphsView(issue.rootCause)}</div>
        </section>
        ${
          issue.confirm.length > 0 &&
          html`<section class="card">
            <h2>How to confirm</h2>
            ${stepsView(issue.confirm)}
          </section>`
        }
        ${
          issue.remediation.length > 0 &&
          html`<section class="card">
            <h2>Remediation</h2>
            ${stepsView(issue.remediation)}
          </section>`
        }
      </div>
      <aside class="detail-grid__side">
        <section class="card">
          <h2>Feedback</h2>
          <dl class="stats">
            <div>
              <dt>Matched</dt>
              <dd>${matched}</dd>
            </div>
            <div>
              <dt>Confirmed</dt>
              <dd>${confirmed}</dd>
            </div>
            <div>
              <dt>Rejected</dt>
              <dd>${rejected}</dd>
            </div>
          </dl>
        </section>
        <section class="card">
          <h2>Affected versions</h2>
          ${
            issue.affected.length === 0
              ? html`<p class="muted">Any version.</p>`
              : html`<dl class="affected">
                  ${issue.affected.map(
                    (condition) =>
                      html`<div class="affected__item">
                        <dt>${condition.fact}</dt>
                        <dd>
                          <code>${condition.range ?? condition.oneOf?.join(', ') ?? 'any'}</code>
                        </dd>
                      </div>`,
                  )}
                </dl>`
          }
        </section>
        <section class="card">
          <h2>Symptoms</h2>
          <ul class="symptoms">
            ${issue.symptoms.en.map((symptom) => html`<li>${symptom}</li>`)}
            ${issue.symptoms.zh.map((symptom) => html`<li lang="zh">${symptom}</li>`)}
          </ul>
        </section>
        ${
          issue.references.length > 0 &&
          html`<section class="card">
            <h2>References</h2>
            ${referencesView(issue.references)}
          </section>`
        }
      </aside>
    </div>`;
  return layoutView({ title: issue.title, assets, section: 'known-issues', body });
}
