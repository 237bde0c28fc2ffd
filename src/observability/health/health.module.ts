import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { KnowledgeBaseModule } from '../../knowledge-base/knowledge-base.module';
import { ConnectionDraining } from './connection-draining';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

@Module({
  // ReadinessService logs state changes itself; terminus would log every failing probe.
  imports: [TerminusModule.forRoot({ logger: false }), KnowledgeBaseModule],
  controllers: [HealthController],
  providers: [ReadinessService, ConnectionDraining],
  exports: [ConnectionDraining],
})
export class HealthModule {}
