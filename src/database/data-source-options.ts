import { join } from 'node:path';

import { type DataSourceOptions } from 'typeorm';

import { type DatabaseConfig } from '../config/app-config';
import { AnalysisEntity } from './entities/analysis.entity';
import { AnalysisCauseEntity } from './entities/analysis-cause.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { KnownIssueEntity } from './entities/known-issue.entity';

export const ENTITIES = [KnownIssueEntity, AnalysisEntity, AnalysisCauseEntity, FeedbackEntity];

/**
 * Top-level `migrations/`, found from `src/database` (ts-node, tests) and from `dist/src/database`
 * (the build) alike. TypeORM skips `.d.ts` and `.map` files.
 */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{ts,js}').replace(
  /\\/g,
  '/',
);

/**
 * The one description of the database, shared by the app and the TypeORM CLI. The schema is owned
 * by the migrations: never `synchronize`; pending migrations run when the connection opens.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error' as const, 'warn' as const, 'migration' as const],
  };

  if (database.type === 'postgres') {
    return { ...common, type: 'postgres', url: database.url, schema: database.schema };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    // The driver creates the file and its folder on first start.
    database: database.path,
    // Readers do not block the writer, and a concurrent writer waits instead of failing.
    enableWAL: true,
    timeout: 5000,
  };
}
