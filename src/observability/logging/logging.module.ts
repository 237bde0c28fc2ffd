import { Global, Module } from '@nestjs/common';
import { type DestinationStream } from 'pino';

import { type AppConfig, appConfig } from '../../config/app-config';
import { HttpLogger } from './http-logger';
import { PinoLoggerService } from './pino-logger.service';
import { createRootLogger, LOG_DESTINATION, ROOT_LOGGER, stdoutDestination } from './root-logger';

@Global()
@Module({
  providers: [
    { provide: LOG_DESTINATION, useFactory: stdoutDestination },
    {
      provide: ROOT_LOGGER,
      inject: [appConfig.KEY, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: DestinationStream) =>
        createRootLogger(config.logLevel, destination),
    },
    PinoLoggerService,
    HttpLogger,
  ],
  exports: [ROOT_LOGGER, PinoLoggerService, HttpLogger],
})
export class LoggingModule {}
