import { AsyncLocalStorage } from 'node:async_hooks';

import { type Logger } from 'pino';

/**
 * The logger of the request being served (a pino child carrying its `reqId`), so that what Nest's
 * loggers write while handling it carries the request id too.
 */
const requestLoggers = new AsyncLocalStorage<Logger>();

export function runWithRequestLogger<T>(logger: Logger, work: () => T): T {
  return requestLoggers.run(logger, work);
}

export function currentRequestLogger(): Logger | undefined {
  return requestLoggers.getStore();
}
