import 'reflect-metadata';

import { type AddressInfo } from 'node:net';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';

import { AppModule } from './app.module';
import { setUpApp } from './app-setup';
import { ConfigValidationError, logLevelsFrom, readAppConfigFromEnv } from './config/app-config';

async function bootstrap(): Promise<void> {
  // Validated before anything starts, so a bad setting fails with its message and nothing else.
  const config = readAppConfigFromEnv();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    rawBody: true,
    logger: logLevelsFrom(config.logLevel),
    // Held until setUpApp routes them through pino (printed as they are if start-up fails first).
    bufferLogs: true,
    abortOnError: false,
  });
  setUpApp(app, config);
  await app.listen(config.port, config.host);
  // The bound port, which differs from PORT=0 (an ephemeral port, as the tests use).
  const { port } = app.getHttpServer().address() as AddressInfo;
  Logger.log(`kubetriage listening on http://${config.host}:${port}`, 'Bootstrap');
  exitIfShutdownStalls(config.shutdownTimeoutMs);
}

/**
 * Nest's shutdown hooks (setUpApp) stop accepting, wait for in-flight requests, close the database
 * and exit 0. A request that never ends must not keep a stopping replica alive: after
 * SHUTDOWN_TIMEOUT_MS the process exits anyway, with 1.
 */
function exitIfShutdownStalls(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      Logger.log(`${signal}: finishing in-flight requests, then closing`, 'Bootstrap');
      setTimeout(() => {
        Logger.error(`Shutdown still incomplete after ${timeoutMs} ms: exiting`, 'Bootstrap');
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigValidationError
      ? `kubetriage: ${error.message}\n`
      : `kubetriage failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
