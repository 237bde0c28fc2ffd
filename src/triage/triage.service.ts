import { Injectable } from '@nestjs/common';

import { type AnalysisResponse, mapAnalysis } from '../analyses/analysis.mapper';
import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import {
  type AnalysisRecord,
  AnalysisRepository,
} from '../database/repositories/analysis.repository';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { redactSecrets } from '../redaction/redact-secrets';
import { type TriageRequest } from './triage-request.dto';

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
  ) {}

  async triage(request: TriageRequest): Promise<AnalysisResponse> {
    const redaction = redactSecrets(request.text);
    const result = this.knowledgeBase.getEngine().triage(redaction.text, request.context);
    const record: AnalysisRecord = {
      id: this.ids.uuid(),
      createdAt: this.clock.now(),
      source: request.source ?? null,
      // The size submitted, not the size after redaction; the line count is the same.
      inputBytes: Buffer.byteLength(request.text, 'utf8'),
      inputLines: result.input.lines,
      redactionCount: redaction.count,
      redacted: redaction.text,
      context: request.context ?? null,
      facts: result.facts,
      causes: result.causes,
      timings: result.timings,
    };
    await this.analyses.create(record);
    return mapAnalysis(record);
  }
}
