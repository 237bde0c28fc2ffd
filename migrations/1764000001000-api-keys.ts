import {
  type MigrationInterface,
  type QueryRunner,
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
} from 'typeorm';

/**
 * API keys (stored as SHA-256 hashes only) and the key that created each analysis. Analyses made
 * before, by the web form or by chat have no owner (null). Table API only: SQLite and PostgreSQL.
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
    await queryRunner.createForeignKey(
      'analysis',
      new TableForeignKey({
        name: 'FK_analysis_api_key',
        columnNames: ['api_key_id'],
        referencedTableName: 'api_key',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
    await queryRunner.createIndex(
      'analysis',
      new TableIndex({ name: 'IDX_analysis_api_key_id', columnNames: ['api_key_id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('analysis', 'IDX_analysis_api_key_id');
    await queryRunner.dropForeignKey('analysis', 'FK_analysis_api_key');
    await queryRunner.dropColumn('analysis', 'api_key_id');
    await queryRunner.dropTable('api_key');
  }
}
