import { Controller, Get, Param } from '@nestjs/common';

import {
  type KnownIssueDetailResponse,
  type KnownIssueSummaryResponse,
} from './known-issue.mapper';
import { KnownIssuesService } from './known-issues.service';

@Controller('api/v1/known-issues')
export class KnownIssuesController {
  constructor(private readonly service: KnownIssuesService) {}

  @Get()
  list(): Promise<KnownIssueSummaryResponse[]> {
    return this.service.list();
  }

  @Get(':issueId')
  get(@Param('issueId') issueId: string): Promise<KnownIssueDetailResponse> {
    return this.service.get(issueId);
  }
}
