import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';

import { AnalysesModule } from './analyses/analyses.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { ChatopsModule } from './chatops/chatops.module';
import { ApiKeyGuard } from './common/api-key.guard';
import { CommonModule } from './common/common.module';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { createValidationPipe } from './common/validation';
import { appConfig } from './config/app-config';
import { DatabaseModule } from './database/database.module';
import { KnowledgeBaseModule } from './knowledge-base/knowledge-base.module';
import { ObservabilityModule } from './observability/observability.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { TriageModule } from './triage/triage.module';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    // Settings come from the environment only (no .env file), validated once by appConfig.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
    CommonModule,
    ObservabilityModule,
    DatabaseModule,
    KnowledgeBaseModule,
    TriageModule,
    AnalysesModule,
    ChatopsModule,
    WebModule,
    ApiKeysModule,
    RateLimitModule,
  ],
  providers: [
    { provide: APP_PIPE, useFactory: createValidationPipe },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    // In this order: rate limits first (cheap, and they cap floods of bad keys), then API keys.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
  ],
})
export class AppModule {}
