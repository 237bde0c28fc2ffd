import {
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { type Response } from 'express';
import { map, type Observable } from 'rxjs';

/** Sets the `Location` header of a created resource from the response body. */
export class LocationInterceptor<T> implements NestInterceptor<T, T> {
  constructor(private readonly locationOf: (body: T) => string) {}

  intercept(context: ExecutionContext, next: CallHandler<T>): Observable<T> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        response.location(this.locationOf(body));
        return body;
      }),
    );
  }
}

/** `@Location((analysis: AnalysisResponse) => `/api/v1/analyses/${analysis.id}`)` */
export function Location<T>(locationOf: (body: T) => string): MethodDecorator & ClassDecorator {
  return UseInterceptors(new LocationInterceptor(locationOf));
}
