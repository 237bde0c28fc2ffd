import { Inject, Injectable, type LoggerService, type LogLevel } from '@nestjs/common';
import { type Level, type Logger } from 'pino';

import { LOG_LEVELS } from '../../config/app-config';
import { currentRequestLogger } from './request-context';
import { PINO_LEVELS, ROOT_LOGGER } from './root-logger';

/** `Error: …\n    at fn (file.js:1:2)`: what Nest passes as the second argument of `error()`. */
const STACK_TRACE = /\n\s+at .+/;

/**
 * Nest's LoggerService over pino (nestjs-pino has no Nest 12 release): every `Logger` of the app
 * writes JSON lines, carrying the request id when written while a request is served.
 */
@Injectable()
export class PinoLoggerService implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly root: Logger) {}

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  /** `app.useLogger(['warn', 'error'])`: the lowest level listed becomes pino's level. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = LOG_LEVELS.find((level) => levels.includes(level));
    this.root.level = lowest ? PINO_LEVELS[lowest] : 'silent';
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = currentRequestLogger() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const rest = [...params];
    // Nest appends the logger's context (its class name) as the last argument.
    const last = rest.at(-1);
    if (typeof last === 'string' && !STACK_TRACE.test(last)) {
      fields.context = last;
      rest.pop();
    }
    const details: unknown[] = [];
    for (const param of rest) {
      if (param === undefined) continue;
      if (typeof param === 'string' && STACK_TRACE.test(param)) fields.stack = param;
      else if (param instanceof Error) fields.err = param;
      else details.push(param);
    }
    if (details.length > 0) fields.details = details;
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      logger[level](fields, String(message));
    }
  }
}
