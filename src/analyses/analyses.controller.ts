import { Body, Controller, Get, Param, Post } from '@nestjs/common';

import { RequireScope } from '../common/access.decorator';
import { JsonBody } from '../common/json-body.interceptor';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { AnalysesService } from './analyses.service';
import { type AnalysisResponse, type FeedbackResponse } from './analysis.mapper';
import { analysisReaderOf } from './analysis-reader';
import { AnalysisIdPipe } from './analysis-id.pipe';
import { FeedbackRequestDto } from './feedback-request.dto';

/** A triage key reads and rates only the analyses it created (404 for others); admin, all. */
@Controller('api/v1/analyses')
@RequireScope('triage')
export class AnalysesController {
  constructor(private readonly service: AnalysesService) {}

  @Get(':id')
  get(
    @Param('id', AnalysisIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AnalysisResponse> {
    return this.service.get(id, analysisReaderOf(principal));
  }

  @Post(':id/feedback')
  @JsonBody()
  addFeedback(
    @Param('id', AnalysisIdPipe) id: string,
    @Body() request: FeedbackRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FeedbackResponse> {
    return this.service.addFeedback(id, request, analysisReaderOf(principal));
  }
}
