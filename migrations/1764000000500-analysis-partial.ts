import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Where a triage ran out of time (TRIAGE_TIMEOUT_MS) on a huge paste: JSON of how far the scan
 * read, or null for a complete analysis.
 *
 * Plain ALTER TABLE on both databases: TypeORM's addColumn/dropColumn rebuild a SQLite table,
 * which copies every analysis and, on the way down, loses the rows of tables referencing it
 * (foreign keys cannot be switched off inside the migration's transaction, typeorm#9770).
 * SQLite has had ADD COLUMN forever and DROP COLUMN since 3.35.
 */
export class AnalysisPartial1764000000500 implements MigrationInterface {
  name = 'AnalysisPartial1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE ${analysisTable(queryRunner)} ADD COLUMN "partial" text NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE ${analysisTable(queryRunner)} DROP COLUMN "partial"`);
  }
}

/** Raw SQL is not qualified by TypeORM: name the configured PostgreSQL schema, if any. */
function analysisTable(queryRunner: QueryRunner): string {
  const { schema } = queryRunner.connection.options as { schema?: string };
  return schema ? `"${schema.replace(/"/g, '""')}"."analysis"` : '"analysis"';
}
