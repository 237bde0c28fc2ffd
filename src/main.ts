import 'reflect-metadata';

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
    abortOnError: false,
  });
  setUpApp(app, config);
  await app.listen(config.port, config.host);
  Logger.log(`kubetriage listening on http://${config.host}:${config.port}`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigValidationError
      ? `kubetriage: ${error.message}\n`
      : `kubetriage failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
