import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/**
 * API keys (stored as SHA-256 hashes only) and the key that created each analysis. Analyses made
 * before, by the web form or by chat have no owner (null). Table API: SQLite and PostgreSQL.
 *
 * `analysis.api_key_id` has no foreign key: keys are revoked, never deleted, so it cannot dangle,
 * and without one SQLite can drop the column in place on revert (below).
 */
export class ApiKeys1764000001000 implements MigrationInterface {
  name = 'ApiKeys1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.driver.options.type === 'postgres';
    const timestamp = postgres ? 'timestamptz' : 'datetime';
    const uuid = postgres ? 'uuid' : 'varchar';
    const uuidLength = postgres ? undefined : '36';

    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          { name: 'id', type: uuid, length: uuidLength, isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'scope', type: 'varchar', length: '16' },
          { name: 'key_hash', type: 'varchar', length: '64' },
          { name: 'key_prefix', type: 'varchar', length: '16' },
          { name: 'created_at', type: timestamp },
          { name: 'revoked_at', type: timestamp, isNullable: true },
        ],
        checks: [{ name: 'CHK_api_key_scope', expression: `"scope" IN ('triage', 'admin')` }],
        indices: [{ name: 'IDX_api_key_key_hash', columnNames: ['key_hash'], isUnique: true }],
      }),
    );

    await queryRunner.addColumn(
      'analysis',
      new TableColumn({ name: 'api_key_id', type: uuid, length: uuidLength, isNullable: true }),
    );
    await queryRunner.createIndex(
      'analysis',
      new TableIndex({ name: 'IDX_analysis_api_key_id', columnNames: ['api_key_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('analysis', 'IDX_analysis_api_key_id');
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await queryRunner.dropColumn('analysis', 'api_key_id');
    } else {
      // TypeORM's SQLite dropColumn rebuilds the table, and on revert it does so inside the
      // transaction, where PRAGMA foreign_keys=OFF is a no-op: dropping the old table would
      // cascade-delete every analysis_cause and feedback row (typeorm/typeorm#9770 fixed only
      // the forward path). SQLite >= 3.35 drops a column in place.
      await queryRunner.query('ALTER TABLE "analysis" DROP COLUMN "api_key_id"');
    }
    await queryRunner.dropTable('api_key');
  }
}
