import { Injectable } from '@nestjs/common';
import { type NextFunction, type Request, type Response } from 'express';

import { MetricsService } from './metrics.service';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Times every request and records it under its route template once the response is sent. */
@Injectable()
export class HttpMetrics {
  readonly middleware: (request: Request, response: Response, next: NextFunction) => void;

  constructor(metrics: MetricsService) {
    this.middleware = (request, response, next) => {
      const started = process.hrtime.bigint();
      response.once('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.observeHttpRequest(
          {
            method: KNOWN_METHODS.has(request.method) ? request.method : 'OTHER',
            route: routeTemplate(request),
            statusCode: response.statusCode,
          },
          seconds,
        );
      });
      next();
    };
  }
}

/**
 * `/api/v1/analyses/:id` as the router matched it; `unmatched` for a request no route took
 * (unknown paths, and bodies the parsers refused before routing).
 */
export function routeTemplate(request: Request): string {
  const route = (request as { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl ?? ''}${route.path}` : 'unmatched';
}
