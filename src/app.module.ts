import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';

import { AnalysesModule } from './analyses/analyses.module';
import { ChatopsModule } from './chatops/chatops.module';
import { CommonModule } from './common/common.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import { appConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { KnowledgeBaseModule } from './knowledge-base/knowledge-base.module';
import { TriageModule } from './triage/triage.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    // Settings come from the environment only (no .env file), validated once by appConfig.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
    CommonModule,
    DatabaseModule,
    KnowledgeBaseModule,
    TriageModule,
    AnalysesModule,
    ChatopsModule,
    WebModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class AppModule {}
