import { Module } from '@nestjs/common';

import { KnowledgeBaseModule } from '../knowledge-base/knowledge-base.module';
import { TriageController } from './triage.controller';
import { TriageService } from './triage.service';
import { TriageRunner } from './triage-runner';

@Module({
  imports: [KnowledgeBaseModule],
  controllers: [TriageController],
  providers: [TriageService, TriageRunner],
  exports: [TriageService],
})
export class TriageModule {}
