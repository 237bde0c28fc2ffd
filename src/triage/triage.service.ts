import { Injectable } from '@nestjs/common';

import { type AnalysisResponse, mapAnalysis } from '../analyses/analysis.mapper';
import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import {
  type AnalysisRecord,
  AnalysisRepository,
} from '../database/repositories/analysis.repository';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { type TriageRequest } from './triage-request.dto';
import { TriageRunner } from './triage-runner';

/**
 * The one triage path every surface uses (API, web form, chat): redact → match → store. Secrets are
 * removed first, so neither the engine, the evidence nor the database ever sees them.
 */
@Injectable()
export class TriageService {
  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    private readonly analyses: AnalysisRepository,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly runner: TriageRunner,
  ) {}

  async triage(request: TriageRequest): Promise<AnalysisResponse> {
    const { redactedText, redactionCount, result } = await this.runner.run(
      this.knowledgeBase.getEngine(),
      { text: request.text, context: request.context },
    );
    const record: AnalysisRecord = {
      id: this.ids.uuid(),
      createdAt: this.clock.now(),
      source: request.source ?? null,
      // The size submitted, not the size after redaction; the line count is the same.
      inputBytes: Buffer.byteLength(request.text, 'utf8'),
      inputLines: result.input.lines,
      redactionCount,
      redacted: redactedText,
      context: request.context ?? null,
      facts: result.facts,
      causes: result.causes,
      timings: result.timings,
      partial: result.partial ?? null,
    };
    await this.analyses.create(record);
    return mapAnalysis(record);
  }
}
