import { QueryFailedError } from 'typeorm';

import { isDatabaseUnavailableError } from './database-unavailable';

function withCode(code: string, message = 'driver error'): Error {
  return Object.assign(new Error(message), { code });
}

describe(isDatabaseUnavailableError.name, () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['an unknown host', withCode('ENOTFOUND', 'getaddrinfo ENOTFOUND postgres')],
    ['a server shutting down (57P01)', withCode('57P01', 'terminating connection')],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['too many connections (53300)', withCode('53300')],
    ['a connection failure (08006)', withCode('08006')],
    ['a role that may not log in (28000)', withCode('28000', 'role "kt" is not permitted')],
    ['a locked SQLite file', withCode('SQLITE_BUSY', 'database is locked')],
    ['a SQLite I/O error', withCode('SQLITE_IOERR_WRITE', 'disk I/O error')],
    ['a full disk', withCode('SQLITE_FULL')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a closed SQLite handle', new TypeError('The database connection is not open')],
    [
      'a data source that is not connected',
      Object.assign(new Error('no connection'), { name: 'CannotExecuteNotConnectedError' }),
    ],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it('looks inside TypeORM query errors and causes', () => {
    const wrapped = new QueryFailedError('INSERT …', [], withCode('57P01'));
    expect(isDatabaseUnavailableError(wrapped)).toBe(true);
    expect(isDatabaseUnavailableError(new Error('outer', { cause: withCode('ETIMEDOUT') }))).toBe(
      true,
    );
    const aggregate = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    expect(isDatabaseUnavailableError(aggregate)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value')],
    ['a value too long (22001)', withCode('22001')],
    ['a syntax error (42601)', withCode('42601')],
    ['a SQLite constraint', withCode('SQLITE_CONSTRAINT_PRIMARYKEY')],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('leaves %s to the usual error handling', (_name, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});
