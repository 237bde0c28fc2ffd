import { Controller, Post } from '@nestjs/common';

import { type AnalysisResponse } from '../analyses/analysis.mapper';
import { RequireScope } from '../common/access.decorator';
import { Location } from '../common/location.interceptor';
import { CurrentPrincipal, ownerKeyIdOf, type Principal } from '../common/principal';
import { TriageService } from './triage.service';
import { type TriageRequest } from './triage-request.dto';
import { TriageBody, TriageRequestPipe } from './triage-request.pipe';

@Controller('api/v1/triage')
@RequireScope('triage')
export class TriageController {
  constructor(private readonly service: TriageService) {}

  /**
   * `application/json` ({ text, context?, source? }) or `text/plain` (the paste itself). 201 with
   * a Location; 200 with `stored: false` and no Location while the database is unavailable.
   */
  @Post()
  @Location((analysis: AnalysisResponse) =>
    analysis.stored ? `/api/v1/analyses/${analysis.id}` : undefined,
  )
  triage(
    @TriageBody(TriageRequestPipe) request: TriageRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AnalysisResponse> {
    return this.service.triage(request, ownerKeyIdOf(principal));
  }
}
