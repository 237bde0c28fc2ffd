import { Module } from '@nestjs/common';

import { KnowledgeBaseModule } from '../knowledge-base/knowledge-base.module';
import { AnalysesController } from './analyses.controller';
import { AnalysesService } from './analyses.service';

@Module({
  imports: [KnowledgeBaseModule],
  controllers: [AnalysesController],
  providers: [AnalysesService],
  // Chat feedback buttons record verdicts through the same service as the API.
  exports: [AnalysesService],
})
export class AnalysesModule {}
