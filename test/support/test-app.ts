import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { type DestinationStream } from 'pino';
import { DataSource } from 'typeorm';

import { AppModule } from '../../src/app.module';
import { setUpApp } from '../../src/app-setup';
import {
  type AppConfig,
  appConfig,
  loadAppConfig,
  type LogLevelName,
} from '../../src/config/app-config';
import { findPackageRoot } from '../../src/config/package-root';
import { LOG_DESTINATION } from '../../src/observability/logging/root-logger';

export type Backend = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when DATABASE_URL points at one (CI with a postgres service). */
export function backendsUnderTest(): Backend[] {
  return /^postgres(?:ql)?:\/\//i.test(process.env.DATABASE_URL ?? '')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
}

export interface TestAppOptions {
  backend?: Backend;
  /** BODY_LIMIT, e.g. `64kb` to test 413 without sending megabytes. */
  bodyLimit?: string;
  patternsDir?: string;
  /** More environment settings, e.g. `SLACK_SIGNING_SECRET` for the chatops tests. */
  env?: Record<string, string>;
  /** LOG_LEVEL, `error` by default; `fatal` for a test that provokes logged errors. */
  logLevel?: LogLevelName;
  /** A SQLite file kept after close, to start the app again on the same database. */
  sqlitePath?: string;
  /**
   * An existing PostgreSQL schema, kept after close: several apps on one schema act as replicas.
   * The caller creates and drops it (see createPostgresSchema).
   */
  postgresSchema?: string;
  /** The PostgreSQL URL, when not DATABASE_URL itself (e.g. through a proxy the test controls). */
  postgresUrl?: string;
  /** Where the JSON log lines go instead of stdout (a test reads them). */
  logDestination?: DestinationStream;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real application on a fresh database: a SQLite file in a temp folder, or a new PostgreSQL
 * schema dropped afterwards. Migrations run at start-up exactly as in production.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const backend = options.backend ?? 'sqlite';
  const packageRoot = findPackageRoot(__dirname);
  const workDir = await mkdtemp(join(tmpdir(), 'kubetriage-e2e-'));
  const env: Record<string, string> = { LOG_LEVEL: options.logLevel ?? 'error' };
  let dropDatabase = async (): Promise<void> => undefined;

  if (backend === 'postgres' && options.postgresSchema) {
    env.DATABASE_URL = options.postgresUrl ?? process.env.DATABASE_URL ?? '';
    env.DATABASE_SCHEMA = options.postgresSchema;
  } else if (backend === 'postgres') {
    const url = process.env.DATABASE_URL ?? '';
    const schema = await createPostgresSchema();
    env.DATABASE_URL = options.postgresUrl ?? url;
    env.DATABASE_SCHEMA = schema;
    dropDatabase = () => dropPostgresSchema(schema);
  } else {
    env.DATABASE_URL = `sqlite:${options.sqlitePath ?? join(workDir, 'db', 'kubetriage.sqlite')}`;
  }
  if (options.bodyLimit) env.BODY_LIMIT = options.bodyLimit;
  if (options.patternsDir) env.PATTERNS_DIR = options.patternsDir;
  Object.assign(env, options.env);
  const config = loadAppConfig(env, { cwd: workDir, packageRoot });

  let testingModule = Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(appConfig.KEY)
    .useValue(config);
  if (options.logDestination) {
    testingModule = testingModule
      .overrideProvider(LOG_DESTINATION)
      .useValue(options.logDestination);
  }
  const moduleRef = await testingModule.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    rawBody: true,
  });
  setUpApp(app, config);
  await app.init();

  return {
    app,
    config,
    dataSource: app.get(DataSource),
    async close() {
      await app.close();
      await dropDatabase();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** A new, empty schema in DATABASE_URL's database. */
export async function createPostgresSchema(): Promise<string> {
  const schema = `kubetriage_test_${randomBytes(6).toString('hex')}`;
  await withClient(process.env.DATABASE_URL ?? '', (client) =>
    client.query(`CREATE SCHEMA "${schema}"`),
  );
  return schema;
}

export async function dropPostgresSchema(schema: string): Promise<void> {
  await withClient(process.env.DATABASE_URL ?? '', (client) =>
    client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
  );
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
