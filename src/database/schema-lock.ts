import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** First half of the advisory lock key: "kt" + "lk", fixed for every kubetriage deployment. */
export const SCHEMA_LOCK_CLASS = 0x6b746c6b;

/**
 * Second half: the schema, so that deployments sharing a PostgreSQL database in separate schemas
 * (and parallel test runs) do not wait for each other. FNV-1a, as a signed 32-bit integer.
 */
export function schemaLockKey(schema: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(schema, 'utf8')) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return hash | 0;
}

/**
 * Runs `work` while holding a PostgreSQL session advisory lock on the schema, so that replicas
 * starting together run the migrations and the knowledge-base sync one after the other: the
 * first does the work, the others find nothing left to do. The lock dies with its session, so a
 * replica killed halfway never leaves it held. On SQLite (one process per file) it just runs.
 */
export async function withSchemaLock<T>(
  dataSource: DataSource,
  work: () => Promise<T>,
): Promise<T> {
  const options = dataSource.options;
  if (options.type !== 'postgres') {
    return work();
  }
  const key = [SCHEMA_LOCK_CLASS, schemaLockKey(options.schema ?? 'public')];
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1, $2)', key);
    try {
      return await work();
    } finally {
      await session.query('SELECT pg_advisory_unlock($1, $2)', key);
    }
  } finally {
    await session.release();
  }
}

/** Runs the pending migrations, one replica at a time. */
export async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  await withSchemaLock(dataSource, async () => {
    await dataSource.runMigrations({ transaction: 'each' });
  });
}

/** withSchemaLock for the services (the knowledge-base sync). */
@Injectable()
export class SchemaLock {
  constructor(private readonly dataSource: DataSource) {}

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return withSchemaLock(this.dataSource, work);
  }
}
