import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import { AnalysisRepository } from '../database/repositories/analysis.repository';
import {
  type FeedbackRecord,
  FeedbackRepository,
} from '../database/repositories/feedback.repository';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { MetricsService } from '../observability/metrics/metrics.service';
import { redactSecrets } from '../redaction/redact-secrets';
import { AnalysisException, AnalysisExceptionCode } from './analysis.exception';
import {
  type AnalysisResponse,
  type FeedbackResponse,
  mapAnalysis,
  mapFeedback,
} from './analysis.mapper';
import { type AnalysisReader, mayRead } from './analysis-reader';
import { type FeedbackRequestDto } from './feedback-request.dto';

@Injectable()
export class AnalysesService {
  constructor(
    private readonly analyses: AnalysisRepository,
    private readonly feedback: FeedbackRepository,
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly metrics: MetricsService,
  ) {}

  /** An analysis the reader may see; any other is ANALYSIS_NOT_FOUND, as if it did not exist. */
  async get(id: string, reader: AnalysisReader): Promise<AnalysisResponse> {
    const record = await this.analyses.findById(id);
    if (!record || !mayRead(reader, record.ownerKeyId)) {
      throw notFound(id);
    }
    return mapAnalysis(record);
  }

  /**
   * The stored analysis with its redacted paste, for the result page's evidence in context. The
   * page's address (a random UUID, also printed by the CLI and posted in chat) is what grants it.
   */
  async getWithPaste(id: string): Promise<{ analysis: AnalysisResponse; paste: string }> {
    const record = await this.analyses.findById(id);
    if (!record) {
      throw notFound(id);
    }
    return { analysis: mapAnalysis(record), paste: record.redacted };
  }

  /**
   * A verdict on one issue of an analysis. The issue is one of the analysis's causes, or any
   * active known issue (a person confirming the cause the service missed); anything else is
   * refused with FEEDBACK_ISSUE_UNKNOWN (422).
   */
  async addFeedback(
    analysisId: string,
    request: FeedbackRequestDto,
    reader: AnalysisReader,
  ): Promise<FeedbackResponse> {
    if (reader.kind === 'owner') {
      const owner = await this.analyses.findOwner(analysisId);
      if (!owner || !mayRead(reader, owner.ownerKeyId)) throw notFound(analysisId);
    }
    const causeIds = await this.analyses.findCauseIssueIds(analysisId);
    if (causeIds === null) {
      throw notFound(analysisId);
    }
    if (!causeIds.includes(request.issueId) && !this.knowledgeBase.findIssue(request.issueId)) {
      throw new AnalysisException(
        `"${request.issueId}" is neither a cause of analysis ${analysisId} nor a known issue.`,
        AnalysisExceptionCode.FEEDBACK_ISSUE_UNKNOWN,
      );
    }
    const record: FeedbackRecord = {
      id: this.ids.uuid(),
      analysisId,
      issueId: request.issueId,
      verdict: request.verdict,
      // A comment is free text like a paste: secrets pasted into it are not kept either.
      comment: request.comment === undefined ? null : redactSecrets(request.comment).text,
      createdAt: this.clock.now(),
    };
    await this.feedback.create(record);
    this.metrics.countFeedback(record.issueId, record.verdict);
    return mapFeedback(record);
  }
}

function notFound(id: string): AnalysisException {
  return new AnalysisException(
    `No analysis has the id ${id}.`,
    AnalysisExceptionCode.ANALYSIS_NOT_FOUND,
  );
}
