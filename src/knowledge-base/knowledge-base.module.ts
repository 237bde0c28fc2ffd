import { Module } from '@nestjs/common';

import { KnowledgeBaseLoader } from './knowledge-base.loader';
import { KnowledgeBaseService } from './knowledge-base.service';
import { KnowledgeBaseAdminController } from './knowledge-base-admin.controller';
import { KnownIssuesController } from './known-issues.controller';
import { KnownIssuesService } from './known-issues.service';

@Module({
  controllers: [KnownIssuesController, KnowledgeBaseAdminController],
  providers: [KnowledgeBaseLoader, KnowledgeBaseService, KnownIssuesService],
  exports: [KnowledgeBaseService, KnownIssuesService],
})
export class KnowledgeBaseModule {}
