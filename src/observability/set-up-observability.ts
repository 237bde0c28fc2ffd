import { type INestApplication } from '@nestjs/common';

import { ConnectionDraining } from './health/connection-draining';
import { HttpLogger } from './logging/http-logger';
import { PinoLoggerService } from './logging/pino-logger.service';
import { HttpMetrics } from './metrics/http-metrics';

/**
 * Routes Nest's own logs through pino and installs the request logger, the latency metrics and
 * the shutdown draining ahead of every other middleware (body parsers included), so even a
 * refused body is logged, timed and given a request id.
 */
export function setUpObservability(app: INestApplication): void {
  app.useLogger(app.get(PinoLoggerService));
  app.use(
    app.get(HttpLogger).middleware,
    app.get(HttpMetrics).middleware,
    app.get(ConnectionDraining).middleware,
  );
}
