import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';

import { RequireScope } from '../common/access.decorator';
import {
  KnownIssueDetailSchema,
  KnownIssueSummarySchema,
  ProblemSchema,
} from '../openapi/openapi.schemas';
import {
  type KnownIssueDetailResponse,
  type KnownIssueSummaryResponse,
} from './known-issue.mapper';
import { KnownIssuesService } from './known-issues.service';

@ApiTags('known issues')
@Controller('api/v1/known-issues')
@RequireScope('triage')
export class KnownIssuesController {
  constructor(private readonly service: KnownIssuesService) {}

  @Get()
  @ApiOkResponse({
    type: [KnownIssueSummarySchema],
    description: 'The knowledge base with match and feedback counts.',
  })
  list(): Promise<KnownIssueSummaryResponse[]> {
    return this.service.list();
  }

  @Get(':issueId')
  @ApiOkResponse({ type: KnownIssueDetailSchema })
  @ApiResponse({ status: 404, type: ProblemSchema })
  get(@Param('issueId') issueId: string): Promise<KnownIssueDetailResponse> {
    return this.service.get(issueId);
  }
}
