import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource, type DataSourceOptions } from 'typeorm';

import { type AppConfig, appConfig } from '../config/app-config';
import { ROOT_LOGGER } from '../observability/logging/root-logger';
import { buildDataSourceOptions } from './data-source-options';
import { AnalysisRepository } from './repositories/analysis.repository';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { FeedbackRepository } from './repositories/feedback.repository';
import { KnownIssueRepository } from './repositories/known-issue.repository';
import { migrateUnderLock, SchemaLock } from './schema-lock';
import { TypeOrmLogAdapter } from './typeorm-log.adapter';

const REPOSITORIES = [
  AnalysisRepository,
  FeedbackRepository,
  KnownIssueRepository,
  ApiKeyRepository,
];

/** The persistence layer: the connection and the repositories, the only users of entities. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [appConfig.KEY, ROOT_LOGGER],
      useFactory: (config: AppConfig, logger: Logger) => ({
        ...buildDataSourceOptions(config.database, config.databaseTimeoutMs),
        logger: new TypeOrmLogAdapter(logger),
      }),
      dataSourceFactory: openAndMigrate,
    }),
  ],
  providers: [...REPOSITORIES, SchemaLock],
  exports: [...REPOSITORIES, SchemaLock],
})
export class DatabaseModule {}

/** Connects and runs the pending migrations; a failed attempt closes what it opened (it is retried). */
async function openAndMigrate(options?: DataSourceOptions): Promise<DataSource> {
  if (!options) throw new Error('No data source options');
  const dataSource = await new DataSource(options).initialize();
  try {
    await migrateUnderLock(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}
