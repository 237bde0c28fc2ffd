import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { type AppConfig, appConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { AnalysisRepository } from './repositories/analysis.repository';
import { FeedbackRepository } from './repositories/feedback.repository';
import { KnownIssueRepository } from './repositories/known-issue.repository';

const REPOSITORIES = [AnalysisRepository, FeedbackRepository, KnownIssueRepository];

/** The persistence layer: the connection and the repositories, the only users of entities. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => buildDataSourceOptions(config.database),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DatabaseModule {}
