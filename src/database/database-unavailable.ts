/** Socket errors of a database that cannot be reached (refused, reset, unresolvable, timed out). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 53 (insufficient
 * resources: too many connections, disk full), 57P01-57P03 (shut down or starting up), 28000 (the
 * role may not log in, e.g. a revoked login).
 */
const POSTGRES_STATE = /^(?:08[0-9A-Z]{3}|53[0-9A-Z]{3}|57P0[123]|28000)$/;

/** SQLite result codes of a file that cannot be written now (locked, unreadable, full). */
const SQLITE_CODE = /^SQLITE_(?:BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|PROTOCOL)(?:_|$)/;

/** Messages of pg and better-sqlite3 that come without a code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|The database connection is not open|Query read timeout/i;

/** TypeORM errors of a data source that is not (or no longer) connected. */
const NOT_CONNECTED_ERRORS = new Set(['CannotExecuteNotConnectedError', 'ConnectionIsNotSetError']);

/**
 * Whether an error of a database call means the database is unavailable right now (and may come
 * back), as opposed to a fault of the query or the data. Looks through TypeORM's `driverError`
 * and `cause` wrappers.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const candidate = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const code = typeof candidate.code === 'string' ? candidate.code : '';
  if (NETWORK_CODES.has(code) || POSTGRES_STATE.test(code) || SQLITE_CODE.test(code)) return true;
  if (typeof candidate.name === 'string' && NOT_CONNECTED_ERRORS.has(candidate.name)) return true;
  if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGE.test(candidate.message)) {
    return true;
  }
  // An AggregateError of every address tried (IPv4 and IPv6 of "localhost").
  const nested = Array.isArray(candidate.errors) ? candidate.errors : [];
  return [candidate.driverError, candidate.cause, ...nested].some((inner) =>
    isDatabaseUnavailableError(inner, depth + 1),
  );
}
