import { Controller, Post } from '@nestjs/common';

import { type AnalysisResponse } from '../analyses/analysis.mapper';
import { Location } from '../common/location.interceptor';
import { TriageService } from './triage.service';
import { type TriageRequest } from './triage-request.dto';
import { TriageBody, TriageRequestPipe } from './triage-request.pipe';

@Controller('api/v1/triage')
export class TriageController {
  constructor(private readonly service: TriageService) {}

  /** `application/json` ({ text, context?, source? }) or `text/plain` (the paste itself). */
  @Post()
  @Location((analysis: AnalysisResponse) => `/api/v1/analyses/${analysis.id}`)
  triage(@TriageBody(TriageRequestPipe) request: TriageRequest): Promise<AnalysisResponse> {
    return this.service.triage(request);
  }
}
