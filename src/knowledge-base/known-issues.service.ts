import { Injectable } from '@nestjs/common';

import {
  EMPTY_STATISTICS,
  KnownIssueRepository,
} from '../database/repositories/known-issue.repository';
import { KnowledgeBaseService } from './knowledge-base.service';
import { KnownIssueException, KnownIssueExceptionCode } from './known-issue.exception';
import {
  type KnownIssueDetailResponse,
  type KnownIssueSummaryResponse,
  mapKnownIssueDetail,
  mapKnownIssueSummary,
} from './known-issue.mapper';

/** The knowledge base as clients read it, with how often each issue was matched and judged. */
@Injectable()
export class KnownIssuesService {
  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly repository: KnownIssueRepository,
  ) {}

  async list(): Promise<KnownIssueSummaryResponse[]> {
    const statistics = await this.repository.statistics();
    return this.knowledgeBase
      .listIssues()
      .map((issue) => mapKnownIssueSummary(issue, statistics.get(issue.id) ?? EMPTY_STATISTICS));
  }

  /** One active issue; unknown and retired ids are not found. */
  async get(issueId: string): Promise<KnownIssueDetailResponse> {
    const issue = this.knowledgeBase.findIssue(issueId);
    if (!issue) {
      throw new KnownIssueException(
        `No known issue has the id "${issueId}".`,
        KnownIssueExceptionCode.KNOWN_ISSUE_NOT_FOUND,
      );
    }
    const statistics = await this.repository.statistics(issueId);
    return mapKnownIssueDetail(issue, statistics.get(issueId) ?? EMPTY_STATISTICS);
  }
}
