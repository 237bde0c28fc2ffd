import { type DestinationStream, type Level, type Logger, pino } from 'pino';

import { type LogLevelName } from '../../config/app-config';

/** The pino destination of the service's logs: stdout, or a capturing stream in tests. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
/** The process's root pino logger; request loggers are its children. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** LOG_LEVEL names (Nest's) → pino levels. */
export const PINO_LEVELS: Record<LogLevelName, Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/**
 * Where a secret could sit in a log object. Request serializers already keep only harmless
 * headers; this catches a header or field logged some other way.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'req.headers["x-slack-signature"]',
  'req.headers["x-mattermost-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'authorization',
  'password',
  '*.password',
];

/** Structured JSON lines: ISO timestamps, level names, secrets censored. */
export function createRootLogger(level: LogLevelName, destination: DestinationStream): Logger {
  return pino(
    {
      level: PINO_LEVELS[level],
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    },
    destination,
  );
}

/** stdout, written synchronously: nothing is lost when the process exits right after a line. */
export function stdoutDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: true });
}
