import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';

import { AnalysesService } from '../analyses/analyses.service';
import { VERDICTS } from '../analyses/feedback-request.dto';
import { type AppConfig, appConfig } from '../config/app-config';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { type KnownIssueSummaryResponse } from '../knowledge-base/known-issue.mapper';
import { KnownIssuesService } from '../knowledge-base/known-issues.service';
import { analysisView, type Verdict } from './views/analysis.view';
import { splitLines } from './views/evidence-excerpts';
import { knownIssueView } from './views/known-issue.view';
import { type KnownIssueListItem, knownIssuesView } from './views/known-issues.view';
import { pasteFormView } from './views/paste-form.view';
import { WebException, WebExceptionCode } from './web.exception';
import { WebAssets } from './web-assets';

/** Feedback just recorded by the form, named in the query of the page it redirects to. */
export interface RecordedFeedbackQuery {
  feedback?: unknown;
  issue?: unknown;
}

/**
 * Builds the HTML pages from the same services as the JSON API: analyses and feedback from
 * AnalysesService, the catalogue from KnownIssuesService. Nothing here matches or ranks.
 */
@Injectable()
export class WebPagesService {
  constructor(
    private readonly analyses: AnalysesService,
    private readonly knownIssues: KnownIssuesService,
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly assets: WebAssets,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  pasteForm(): string {
    return pasteFormView({
      assets: this.assets.urls(),
      maxBytes: this.config.bodyLimitBytes,
      knownIssueCount: this.knowledgeBase.listIssues().length,
    }).value;
  }

  async analysis(id: string, baseUrl: string, query: RecordedFeedbackQuery): Promise<string> {
    if (!isUUID(id)) {
      // Not an id the service hands out: the same page as an unknown analysis.
      throw new WebException(
        'No analysis has this address. Check that the link was copied whole.',
        WebExceptionCode.PAGE_NOT_FOUND,
      );
    }
    const { analysis, paste } = await this.analyses.getWithPaste(id);
    const factNamesByIssue = new Map(
      analysis.causes.map((cause) => {
        const affected = this.knowledgeBase.findIssue(cause.issueId)?.affected ?? [];
        return [cause.issueId, [...new Set(affected.map((condition) => condition.fact))]];
      }),
    );
    return analysisView({
      assets: this.assets.urls(),
      id: analysis.id,
      createdAt: analysis.createdAt,
      permalink: `${baseUrl}/analyses/${analysis.id}`,
      facts: analysis.facts,
      causes: analysis.causes,
      lines: splitLines(paste),
      redactionCount: analysis.redactions,
      totalMs: analysis.timings.totalMs,
      knownIssueCount: this.knowledgeBase.listIssues().length,
      factNamesByIssue,
      recorded: recordedFeedback(query),
    }).value;
  }

  async knownIssueList(query: unknown): Promise<string> {
    const issues = await this.knownIssues.list();
    return knownIssuesView({
      assets: this.assets.urls(),
      query: typeof query === 'string' ? query : '',
      issues: issues.map(toListItem),
    }).value;
  }

  async knownIssue(issueId: string): Promise<string> {
    const issue = await this.knownIssues.get(issueId);
    return knownIssueView({
      assets: this.assets.urls(),
      issue: { ...issue, summary: issue.summary ?? undefined },
    }).value;
  }
}

function recordedFeedback(
  query: RecordedFeedbackQuery,
): { issueId: string; verdict: Verdict } | undefined {
  const verdict = VERDICTS.find((candidate) => candidate === query.feedback);
  return verdict && typeof query.issue === 'string' ? { issueId: query.issue, verdict } : undefined;
}

function toListItem(issue: KnownIssueSummaryResponse): KnownIssueListItem {
  const searchText = [
    issue.id,
    issue.title,
    issue.titleZh,
    ...issue.components,
    issue.summary ?? '',
    ...issue.symptoms.en,
    ...issue.symptoms.zh,
  ]
    .join(' ')
    .toLowerCase();
  return {
    id: issue.id,
    title: issue.title,
    titleZh: issue.titleZh,
    components: issue.components,
    summary: issue.summary ?? undefined,
    matched: issue.statistics.matched,
    confirmed: issue.statistics.confirmed,
    searchText,
  };
}
