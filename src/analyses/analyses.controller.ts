import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';

import { RequireScope } from '../common/access.decorator';
import { JsonBody } from '../common/json-body.interceptor';
import { CurrentPrincipal, type Principal } from '../common/principal';
import { AnalysisSchema, FeedbackSchema, ProblemSchema } from '../openapi/openapi.schemas';
import { AnalysesService } from './analyses.service';
import { type AnalysisResponse, type FeedbackResponse } from './analysis.mapper';
import { AnalysisIdPipe } from './analysis-id.pipe';
import { analysisReaderOf } from './analysis-reader';
import { FeedbackRequestDto } from './feedback-request.dto';

/** A triage key reads and rates only the analyses it created (404 for others); admin, all. */
@ApiTags('analyses')
@ApiBearerAuth()
@Controller('api/v1/analyses')
@RequireScope('triage')
export class AnalysesController {
  constructor(private readonly service: AnalysesService) {}

  @Get(':id')
  @ApiOkResponse({ type: AnalysisSchema, description: 'The stored analysis, secrets redacted.' })
  @ApiResponse({ status: 404, type: ProblemSchema })
  get(
    @Param('id', AnalysisIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AnalysisResponse> {
    return this.service.get(id, analysisReaderOf(principal));
  }

  @Post(':id/feedback')
  @ApiCreatedResponse({ type: FeedbackSchema })
  @ApiResponse({ status: 404, type: ProblemSchema, description: 'Unknown analysis.' })
  @ApiResponse({
    status: 422,
    type: ProblemSchema,
    description: 'issueId is neither a cause of the analysis nor a known issue.',
  })
  @JsonBody()
  addFeedback(
    @Param('id', AnalysisIdPipe) id: string,
    @Body() request: FeedbackRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FeedbackResponse> {
    return this.service.addFeedback(id, request, analysisReaderOf(principal));
  }
}
