import { type IncomingMessage, type ServerResponse } from 'node:http';

import { Inject, Injectable } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';
import { type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

import { runWithRequestLogger } from './request-context';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { ROOT_LOGGER } from './root-logger';

/** Probes and scrapes, every few seconds: not worth a line each (their failures show in /readyz). */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Headers worth a log line; everything else (authorization, cookies, signatures) stays out. */
const LOGGED_HEADERS = ['content-type', 'content-length', 'user-agent', 'x-forwarded-for'];

/**
 * One JSON line per request with its `reqId` (the client's `X-Request-Id` or a new UUID, echoed
 * in the response), method, path, status and duration. Bodies and query strings are never logged:
 * they hold pasted logs and secrets.
 */
@Injectable()
export class HttpLogger {
  readonly middleware: (request: Request, response: Response, next: NextFunction) => void;

  constructor(@Inject(ROOT_LOGGER) root: Logger) {
    const logRequest = pinoHttp({
      logger: root,
      genReqId: (request, response) => {
        const id = requestIdFrom(request.headers[REQUEST_ID_HEADER.toLowerCase()]);
        response.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      // req.log carries only the request id; the summary line carries the request too.
      quietReqLogger: true,
      wrapSerializers: false,
      serializers: { req: serializeRequest, res: serializeResponse },
      autoLogging: { ignore: (request) => UNLOGGED_PATHS.has(pathOf(request)) },
      // The exception filter logs a server fault itself, with its stack, at error; this summary
      // line stays a warning so each fault is one error line.
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 400 ? 'warn' : 'info',
      customSuccessMessage: (request, response) =>
        `${request.method} ${pathOf(request)} ${response.statusCode}`,
      customErrorMessage: (request, response) =>
        `${request.method} ${pathOf(request)} ${response.statusCode}`,
      // The error pino-http makes up for a 5xx says nothing the status does not; the exception
      // filter logs the real one.
      customErrorObject: (_request, _response, _error, value: Record<string, unknown>) => ({
        res: value.res,
        responseTime: value.responseTime,
      }),
    });
    this.middleware = (request, response, next) =>
      logRequest(request, response, () => runWithRequestLogger(request.log, next));
  }
}

function pathOf(request: IncomingMessage): string {
  const url = (request as Partial<Request>).originalUrl ?? request.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function serializeRequest(request: IncomingMessage): Record<string, unknown> {
  const headers: Record<string, string | string[]> = {};
  for (const name of LOGGED_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return {
    method: request.method,
    path: pathOf(request),
    remoteAddress: request.socket?.remoteAddress,
    headers,
  };
}

function serializeResponse(response: ServerResponse): Record<string, unknown> {
  return { statusCode: response.statusCode };
}
