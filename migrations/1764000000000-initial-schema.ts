import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';

/**
 * The initial schema, written with the Table API so the same migration runs on SQLite and
 * PostgreSQL. Only the column types that differ between the two are picked per driver.
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const uuid = postgres ? 'uuid' : 'varchar';
    const uuidLength = postgres ? undefined : '36';
    const double = postgres ? 'double precision' : 'real';

    await queryRunner.createTable(
      new Table({
        name: 'known_issue',
        columns: [
          { name: 'id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'title', type: 'varchar', length: '500' },
          { name: 'components', type: 'text' },
          { name: 'definition', type: 'text' },
          { name: 'content_hash', type: 'varchar', length: '64' },
          { name: 'retired_at', type: timestamp, isNullable: true },
          { name: 'created_at', type: timestamp },
          { name: 'updated_at', type: timestamp },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'analysis',
        columns: [
          { name: 'id', type: uuid, length: uuidLength, isPrimary: true },
          { name: 'created_at', type: timestamp },
          { name: 'source', type: 'varchar', length: '100', isNullable: true },
          { name: 'input_bytes', type: 'integer' },
          { name: 'input_lines', type: 'integer' },
          { name: 'redaction_count', type: 'integer', default: 0 },
          { name: 'redacted', type: 'text' },
          { name: 'context', type: 'text', isNullable: true },
          { name: 'facts', type: 'text' },
          { name: 'causes', type: 'text' },
          { name: 'timings', type: 'text' },
        ],
        indices: [{ name: 'IDX_analysis_created_at', columnNames: ['created_at'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'analysis_cause',
        columns: [
          { name: 'analysis_id', type: uuid, length: uuidLength, isPrimary: true },
          { name: 'issue_id', type: 'varchar', length: '200', isPrimary: true },
          { name: 'rank', type: 'integer' },
          { name: 'score', type: double },
          { name: 'confidence', type: 'varchar', length: '10' },
        ],
        foreignKeys: [
          {
            name: 'FK_analysis_cause_analysis',
            columnNames: ['analysis_id'],
            referencedTableName: 'analysis',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [{ name: 'IDX_analysis_cause_issue_id', columnNames: ['issue_id'] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          { name: 'id', type: uuid, length: uuidLength, isPrimary: true },
          { name: 'analysis_id', type: uuid, length: uuidLength },
          { name: 'issue_id', type: 'varchar', length: '200' },
          { name: 'verdict', type: 'varchar', length: '16' },
          { name: 'comment', type: 'text', isNullable: true },
          { name: 'created_at', type: timestamp },
        ],
        checks: [
          { name: 'CHK_feedback_verdict', expression: `"verdict" IN ('confirmed', 'rejected')` },
        ],
        foreignKeys: [
          {
            name: 'FK_feedback_analysis',
            columnNames: ['analysis_id'],
            referencedTableName: 'analysis',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
        indices: [
          { name: 'IDX_feedback_analysis_id', columnNames: ['analysis_id'] },
          { name: 'IDX_feedback_issue_id', columnNames: ['issue_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feedback');
    await queryRunner.dropTable('analysis_cause');
    await queryRunner.dropTable('analysis');
    await queryRunner.dropTable('known_issue');
  }
}
