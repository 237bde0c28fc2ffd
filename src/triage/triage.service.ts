import { Injectable, Logger } from '@nestjs/common';

import { type AnalysisResponse, mapAnalysis } from '../analyses/analysis.mapper';
import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import { isDatabaseUnavailableError } from '../database/database-unavailable';
import {
  type AnalysisRecord,
  AnalysisRepository,
} from '../database/repositories/analysis.repository';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { MetricsService } from '../observability/metrics/metrics.service';
import { redactContext } from '../redaction/redact-context';
import { redactSecrets } from '../redaction/redact-secrets';
import { type TriageRequest } from './triage-request.dto';
import { TriageRunner } from './triage-runner';

/**
 * The one triage path every surface uses (API, web form, chat): redact → match → store. Secrets are
 * removed first, so neither the engine, the evidence nor the database ever sees them.
 */
@Injectable()
export class TriageService {
  private readonly logger = new Logger(TriageService.name);

  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly analyses: AnalysisRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly runner: TriageRunner,
    private readonly metrics: MetricsService,
  ) {}

  /** `ownerKeyId`: the API key submitting the paste, recorded as the analysis's owner. */
  async triage(
    request: TriageRequest,
    ownerKeyId: string | null = null,
  ): Promise<AnalysisResponse> {
    const started = performance.now();
    const context = request.context === undefined ? undefined : redactContext(request.context);
    const { redactedText, redactionCount, result } = await this.runner.run(
      this.knowledgeBase.getEngine(),
      { text: request.text, context },
    );
    const record: AnalysisRecord = {
      id: this.ids.uuid(),
      createdAt: this.clock.now(),
      source: request.source === undefined ? null : redactSecrets(request.source).text,
      // The size submitted, not the size after redaction; the line count is the same.
      inputBytes: Buffer.byteLength(request.text, 'utf8'),
      inputLines: result.input.lines,
      redactionCount,
      redacted: redactedText,
      context: context ?? null,
      facts: result.facts,
      causes: result.causes,
      timings: result.timings,
      partial: result.partial ?? null,
      ownerKeyId,
    };
    const stored = await this.store(record);
    this.metrics.observeTriage({
      durationSeconds: (performance.now() - started) / 1000,
      inputBytes: record.inputBytes,
      issueIds: record.causes.map((cause) => cause.issueId),
      stored,
    });
    return mapAnalysis(record, stored);
  }

  /**
   * While the database is unavailable the causes are still worth giving: the analysis is answered
   * with `stored: false`. Any other failure to store is a fault, and is thrown.
   */
  private async store(record: AnalysisRecord): Promise<boolean> {
    try {
      await this.analyses.create(record);
      return true;
    } catch (error) {
      if (!isDatabaseUnavailableError(error)) throw error;
      this.logger.warn(
        `Analysis ${record.id} answered but not stored, the database is unavailable: ` +
          (error instanceof Error ? error.message : String(error)),
      );
      return false;
    }
  }
}
