import { join } from 'node:path';

import { type DataSourceOptions } from 'typeorm';

import { type DatabaseConfig } from '../config/app-config';
import { AnalysisEntity } from './entities/analysis.entity';
import { AnalysisCauseEntity } from './entities/analysis-cause.entity';
import { ApiKeyEntity } from './entities/api-key.entity';
import { FeedbackEntity } from './entities/feedback.entity';
import { KnownIssueEntity } from './entities/known-issue.entity';

export const ENTITIES = [
  KnownIssueEntity,
  AnalysisEntity,
  AnalysisCauseEntity,
  FeedbackEntity,
  ApiKeyEntity,
];

/**
 * Top-level `migrations/`, found from `src/database` (ts-node, tests) and from `dist/src/database`
 * (the build) alike. TypeORM skips `.d.ts` and `.map` files.
 */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', 'migrations', '*.{ts,js}').replace(
  /\\/g,
  '/',
);

/** How long a statement waits for the database: SQLite's busy timeout, PostgreSQL's connect timeout. */
export const DEFAULT_DATABASE_TIMEOUT_MS = 5000;

/**
 * The one description of the database, shared by the app and the TypeORM CLI. The schema is owned
 * by the migrations: never `synchronize`. The app runs pending migrations at start-up under an
 * advisory lock (see schema-lock.ts), so `migrationsRun` stays off here.
 */
export function buildDataSourceOptions(
  database: DatabaseConfig,
  timeoutMs: number = DEFAULT_DATABASE_TIMEOUT_MS,
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: ['error' as const, 'warn' as const, 'migration' as const],
    // Slower statements are logged (SQL only, never parameters) as warnings.
    maxQueryExecutionTime: 1000,
  };

  if (database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: database.url,
      schema: database.schema,
      // Without it a query waits forever for a connection to an unreachable server.
      connectTimeoutMS: timeoutMs,
    };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    // The driver creates the file and its folder on first start.
    database: database.path,
    // Readers do not block the writer, and a concurrent writer waits instead of failing.
    enableWAL: true,
    timeout: timeoutMs,
    prepareDatabase: (connection: { pragma(source: string): unknown }) => {
      // The busy timeout, explicitly (the driver's `timeout` sets the same).
      connection.pragma(`busy_timeout = ${Math.floor(timeoutMs)}`);
      // A 201 means stored: each commit reaches the disk (WAL's default NORMAL survives a crash of
      // the process but may lose the last commits on power loss).
      connection.pragma('synchronous = FULL');
    },
  };
}
