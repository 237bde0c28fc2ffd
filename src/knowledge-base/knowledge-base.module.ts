import { Module } from '@nestjs/common';

import { KnowledgeBaseLoader } from './knowledge-base.loader';
import { KnowledgeBaseService } from './knowledge-base.service';
import { KnownIssuesController } from './known-issues.controller';
import { KnownIssuesService } from './known-issues.service';

@Module({
  controllers: [KnownIssuesController],
  providers: [KnowledgeBaseLoader, KnowledgeBaseService, KnownIssuesService],
  exports: [KnowledgeBaseService, KnownIssuesService],
})
export class KnowledgeBaseModule {}
