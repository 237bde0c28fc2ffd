import { type NestExpressApplication } from '@nestjs/platform-express';

import { type AppConfig, logLevelsFrom } from './config/app-config';
import { JSON_MEDIA_TYPES, TEXT_MEDIA_TYPE } from './triage/triage-request.pipe';

/**
 * What the HTTP application needs beyond the module graph, shared by main.ts and the e2e tests.
 * The app must be created with `{ bodyParser: false, rawBody: true }`: the parsers registered
 * here carry the configured limit, and `req.rawBody` stays available for signed webhooks.
 */
export function setUpApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  app.useLogger(logLevelsFrom(config.logLevel));
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: config.bodyLimitBytes, type: JSON_MEDIA_TYPES });
  app.useBodyParser('text', { limit: config.bodyLimitBytes, type: TEXT_MEDIA_TYPE });
  // Slack and Mattermost slash commands are forms; their signatures cover req.rawBody.
  app.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: false });
  app.enableShutdownHooks();
  return app;
}
