import { type Logger as PinoLogger } from 'pino';
import { type Logger as TypeOrmLogger } from 'typeorm';

import { currentRequestLogger } from '../observability/logging/request-context';

const MAX_LOGGED_SQL = 500;

/**
 * TypeORM's logger over pino. Query parameters are never logged (they hold the pasted text), nor
 * are successful queries; failures and slow queries show their SQL, shortened.
 */
export class TypeOrmLogAdapter implements TypeOrmLogger {
  constructor(private readonly root: PinoLogger) {}

  logQuery(): void {
    // Deliberately silent: see the class comment.
  }

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    this.logger().warn(
      { context: 'TypeORM', code, query: shorten(query) },
      `Query failed: ${shorten(message)}`,
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger().warn(
      { context: 'TypeORM', durationMs: time, query: shorten(query) },
      'Slow query',
    );
  }

  logSchemaBuild(message: string): void {
    this.logger().debug({ context: 'TypeORM' }, message);
  }

  logMigration(message: string): void {
    this.logger().info({ context: 'Migrations' }, message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.logger().warn({ context: 'TypeORM' }, text);
    else this.logger().debug({ context: 'TypeORM' }, text);
  }

  private logger(): PinoLogger {
    return currentRequestLogger() ?? this.root;
  }
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_LOGGED_SQL ? `${oneLine.slice(0, MAX_LOGGED_SQL)}…` : oneLine;
}
