import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DataSource, type DataSourceOptions } from 'typeorm';

import { InitialSchema1764000000000 } from '../migrations/1764000000000-initial-schema';
import { AnalysisPartial1764000000500 } from '../migrations/1764000000500-analysis-partial';
import { ApiKeys1764000001000 } from '../migrations/1764000001000-api-keys';
import {
  type Backend,
  backendsUnderTest,
  createPostgresSchema,
  dropPostgresSchema,
} from './support/test-app';

const ANALYSIS_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const BEFORE = [InitialSchema1764000000000, AnalysisPartial1764000000500];

/**
 * The api_key migration on a database that already holds analyses: on SQLite adding a column
 * rebuilds the table, which must keep every row of it and of the tables that point at it.
 */
describe.each(backendsUnderTest())('the api_key migration on %s', (backend: Backend) => {
  let workDir: string;
  let schema: string | undefined;
  let connection: DataSourceOptions;

  const open = async (migrations: DataSourceOptions['migrations']): Promise<DataSource> =>
    new DataSource({ ...connection, migrations } as DataSourceOptions).initialize();

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kubetriage-migration-'));
    if (backend === 'postgres') {
      schema = await createPostgresSchema();
      connection = { type: 'postgres', url: process.env.DATABASE_URL, schema, logging: false };
    } else {
      connection = { type: 'better-sqlite3', database: join(workDir, 'kt.sqlite'), logging: false };
    }
  });

  afterAll(async () => {
    if (schema) await dropPostgresSchema(schema);
    await rm(workDir, { recursive: true, force: true });
  });

  /** The table in its schema: without entities, TypeORM does not qualify table names. */
  const table = (name: string): string => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  const qualified = (name: string): string => (schema ? `${schema}.${name}` : name);
  const count = async (dataSource: DataSource, name: string): Promise<number> => {
    const [row] = (await dataSource.query(`SELECT COUNT(*) AS n FROM ${table(name)}`)) as {
      n: number | string;
    }[];
    return Number(row.n);
  };

  it('keeps existing analyses, causes and feedback, with no owner, and reverts cleanly', async () => {
    const before = await open(BEFORE);
    const now = new Date();
    try {
      await before.runMigrations();
      await before
        .createQueryBuilder()
        .insert()
        .into(qualified('analysis'))
        .values({
          id: ANALYSIS_ID,
          created_at: now,
          input_bytes: 3,
          input_lines: 1,
          redaction_count: 0,
          redacted: 'log',
          facts: '[]',
          causes: '[]',
          timings: '{}',
        })
        .execute();
      await before
        .createQueryBuilder()
        .insert()
        .into(qualified('analysis_cause'))
        .values({ analysis_id: ANALYSIS_ID, issue_id: 'x', rank: 1, score: 0.5, confidence: 'low' })
        .execute();
      await before
        .createQueryBuilder()
        .insert()
        .into(qualified('feedback'))
        .values({
          id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          analysis_id: ANALYSIS_ID,
          issue_id: 'x',
          verdict: 'confirmed',
          created_at: now,
        })
        .execute();
    } finally {
      await before.destroy();
    }

    const after = await open([...BEFORE, ApiKeys1764000001000]);
    try {
      await after.runMigrations();

      expect(await count(after, 'analysis')).toBe(1);
      expect(await count(after, 'analysis_cause')).toBe(1);
      expect(await count(after, 'feedback')).toBe(1);
      const [row] = (await after.query(`SELECT api_key_id AS owner FROM ${table('analysis')}`)) as {
        owner: unknown;
      }[];
      expect(row.owner).toBeNull();
      const check = after.createQueryRunner();
      expect(await check.hasTable(qualified('api_key'))).toBe(true);
      await check.release();

      await after.undoLastMigration();

      const runner = after.createQueryRunner();
      expect(await runner.hasTable(qualified('api_key'))).toBe(false);
      expect(await runner.hasColumn(qualified('analysis'), 'api_key_id')).toBe(false);
      await runner.release();
      expect(await count(after, 'analysis')).toBe(1);
      expect(await count(after, 'analysis_cause')).toBe(1);
      expect(await count(after, 'feedback')).toBe(1);

      // Then the partial column: a plain DROP COLUMN, no table rebuild that could lose rows.
      await after.undoLastMigration();
      const partial = after.createQueryRunner();
      expect(await partial.hasColumn(qualified('analysis'), 'partial')).toBe(false);
      await partial.release();
      expect(await count(after, 'analysis')).toBe(1);
      expect(await count(after, 'analysis_cause')).toBe(1);
      expect(await count(after, 'feedback')).toBe(1);
    } finally {
      await after.destroy();
    }
  });
});
