import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Where a triage ran out of time (TRIAGE_TIMEOUT_MS) on a huge paste: JSON of how far the scan
 * read, or null for a complete analysis.
 */
export class AnalysisPartial1764000000500 implements MigrationInterface {
  name = 'AnalysisPartial1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'analysis',
      new TableColumn({ name: 'partial', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('analysis', 'partial');
  }
}
