import { Body, Controller, Get, Param, Post } from '@nestjs/common';

import { AnalysesService } from './analyses.service';
import { type AnalysisResponse, type FeedbackResponse } from './analysis.mapper';
import { AnalysisIdPipe } from './analysis-id.pipe';
import { FeedbackRequestDto } from './feedback-request.dto';

@Controller('api/v1/analyses')
export class AnalysesController {
  constructor(private readonly service: AnalysesService) {}

  @Get(':id')
  get(@Param('id', AnalysisIdPipe) id: string): Promise<AnalysisResponse> {
    return this.service.get(id);
  }

  @Post(':id/feedback')
  addFeedback(
    @Param('id', AnalysisIdPipe) id: string,
    @Body() request: FeedbackRequestDto,
  ): Promise<FeedbackResponse> {
    return this.service.addFeedback(id, request);
  }
}
