import { type DataSource } from 'typeorm';

import { SCHEMA_LOCK_CLASS, schemaLockKey, withSchemaLock } from './schema-lock';

function postgresDataSource(schema?: string) {
  const queries: string[] = [];
  const session = {
    connect: jest.fn(async () => undefined),
    query: jest.fn(async (sql: string, parameters: number[]) => {
      queries.push(`${sql} ${parameters.join(',')}`);
      return [];
    }),
    release: jest.fn(async () => undefined),
  };
  const dataSource = {
    options: { type: 'postgres', schema },
    createQueryRunner: () => session,
  } as unknown as DataSource;
  return { dataSource, queries, session };
}

describe(withSchemaLock.name, () => {
  it('holds the advisory lock of the schema while the work runs, then releases its session', async () => {
    const { dataSource, queries, session } = postgresDataSource('triage');
    const key = `${SCHEMA_LOCK_CLASS},${schemaLockKey('triage')}`;

    const result = await withSchemaLock(dataSource, async () => {
      queries.push('work');
      return 42;
    });

    expect(result).toBe(42);
    expect(queries).toEqual([
      `SELECT pg_advisory_lock($1, $2) ${key}`,
      'work',
      `SELECT pg_advisory_unlock($1, $2) ${key}`,
    ]);
    expect(session.release).toHaveBeenCalled();
  });

  it('unlocks when the work fails', async () => {
    const { dataSource, queries } = postgresDataSource();

    await expect(
      withSchemaLock(dataSource, async () => {
        throw new Error('migration failed');
      }),
    ).rejects.toThrow('migration failed');

    expect(queries.at(-1)).toMatch(/^SELECT pg_advisory_unlock/);
  });

  it('just runs the work on SQLite', async () => {
    const dataSource = { options: { type: 'better-sqlite3' } } as unknown as DataSource;

    await expect(withSchemaLock(dataSource, async () => 'done')).resolves.toBe('done');
  });
});

describe(schemaLockKey.name, () => {
  it('is a stable signed 32-bit integer per schema', () => {
    expect(schemaLockKey('public')).toBe(schemaLockKey('public'));
    expect(schemaLockKey('public')).not.toBe(schemaLockKey('triage'));
    for (const schema of ['public', 'triage', 'kubetriage_test_0123456789ab']) {
      const key = schemaLockKey(schema);
      expect(Number.isInteger(key) && key >= -(2 ** 31) && key < 2 ** 31).toBe(true);
    }
  });
});
