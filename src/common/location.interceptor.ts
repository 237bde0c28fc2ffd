import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { type Response } from 'express';
import { map, type Observable } from 'rxjs';

/**
 * Sets the `Location` header of a created resource from the response body. When `locationOf`
 * gives none, nothing was created: the answer is 200 without a Location instead of 201.
 */
export class LocationInterceptor<T> implements NestInterceptor<T, T> {
  constructor(private readonly locationOf: (body: T) => string | undefined) {}

  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<T> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        const location = this.locationOf(body);
        if (location === undefined) response.status(HttpStatus.OK);
        else response.location(location);
        return body;
      }),
    );
  }
}

/** `@Location((analysis: AnalysisResponse) => `/api/v1/analyses/${analysis.id}`)` */
export function Location<T>(
  locationOf: (body: T) => string | undefined,
): MethodDecorator & ClassDecorator {
  return UseInterceptors(new LocationInterceptor(locationOf));
}
