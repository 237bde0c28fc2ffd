import { type Server } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { type Duplex } from 'node:stream';

import { type NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

import { type SecurityConfig } from '../config/security-config';
import { OPENAPI_UI_PATH } from '../openapi/set-up-openapi';
import { screenRequestBody } from './body-screening';
import { problem, PROBLEM_CONTENT_TYPE } from './problem-details';

/**
 * The same policy as the HTML pages set themselves (web/html-page.decorator.ts): scripts, styles
 * and images only from this origin (/assets), nothing inline, no framing. JSON and problem
 * responses get it too, so a response opened in a browser can run nothing.
 */
export const CONTENT_SECURITY_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * Before the body parsers, so even their errors carry the headers: helmet's security headers,
 * CORS only for CORS_ORIGINS, and the proxies trusted for the client address.
 */
export function useSecurityHeaders(app: NestExpressApplication, security: SecurityConfig): void {
  if (security.trustProxy !== undefined) {
    app.set('trust proxy', security.trustProxy);
  }
  app.use(
    helmet({
      // No upgrade-insecure-requests: a plain-HTTP start on localhost must load its own assets.
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_DIRECTIVES },
    }),
  );
  // Swagger UI (/api/docs, served by @nestjs/swagger) has inline <style> blocks and data: icons;
  // its scripts are still only its own files.
  app.use(
    `/${OPENAPI_UI_PATH}`,
    helmet.contentSecurityPolicy({
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_DIRECTIVES,
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    }),
  );
  if (security.corsOrigins.length > 0) {
    app.enableCors({
      origin: security.corsOrigins[0] === '*' ? '*' : security.corsOrigins,
      methods: ['GET', 'POST', 'DELETE'],
      allowedHeaders: ['Authorization', 'X-API-Key', 'Content-Type'],
      exposedHeaders: ['Location', 'Retry-After', 'WWW-Authenticate'],
      // Keys travel in headers, never in cookies.
      credentials: false,
      maxAge: 600,
    });
  }
}

/** After the body parsers: see screenRequestBody. */
export function useBodyScreening(app: NestExpressApplication): void {
  app.use(screenRequestBody);
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request line or headers are larger than the server accepts.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time.'],
};

/**
 * Requests Node refuses before Express sees them (malformed HTTP, oversized headers) get a
 * problem+json answer too, instead of Node's bare status line.
 */
export function answerMalformedRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
      400,
      'The request is not valid HTTP.',
    ];
    const body = JSON.stringify(problem(status, detail, { code: 'MALFORMED_REQUEST' }));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
