import { type NestExpressApplication } from '@nestjs/platform-express';

import {
  answerMalformedRequests,
  useBodyScreening,
  useSecurityHeaders,
} from './common/http-hardening';
import { type AppConfig } from './config/app-config';
import { setUpObservability } from './observability/set-up-observability';
import { setUpOpenApi } from './openapi/set-up-openapi';
import { JSON_MEDIA_TYPES, TEXT_MEDIA_TYPE } from './triage/triage-request.pipe';

/**
 * What the HTTP application needs beyond the module graph, shared by main.ts and the e2e tests.
 * The app must be created with `{ bodyParser: false, rawBody: true }`: the parsers registered
 * here carry the configured limit, and `req.rawBody` stays available for signed webhooks.
 */
export function setUpApp(app: NestExpressApplication, config: AppConfig): NestExpressApplication {
  // JSON logs through pino (at LOG_LEVEL), request ids and latency metrics, before any parser.
  setUpObservability(app);
  app.disable('x-powered-by');
  // helmet, CORS (only for CORS_ORIGINS) and TRUST_PROXY, before the parsers so their errors get them.
  useSecurityHeaders(app, config.security);
  app.useBodyParser('json', { limit: config.bodyLimitBytes, type: JSON_MEDIA_TYPES });
  app.useBodyParser('text', { limit: config.bodyLimitBytes, type: TEXT_MEDIA_TYPE });
  // Slack and Mattermost slash commands are forms; their signatures cover req.rawBody.
  app.useBodyParser('urlencoded', { limit: config.bodyLimitBytes, extended: false });
  // Invalid UTF-8, NUL characters and JSON nested too deep: 400 before any validation runs.
  useBodyScreening(app);
  answerMalformedRequests(app.getHttpServer());
  // SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the database, exit 0.
  app.enableShutdownHooks([], { useProcessExit: true });
  // OpenAPI 3 at /api/docs-json, Swagger UI at /api/docs (its assets served locally).
  setUpOpenApi(app);
  return app;
}
