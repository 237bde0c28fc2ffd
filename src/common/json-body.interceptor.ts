import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { type Request } from 'express';
import { type Observable } from 'rxjs';

/** A body in a media type the route does not read: 415 with the types it does. */
export class RequestMediaTypeException extends Error {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  constructor(message: string) {
    super(message);
    this.name = 'RequestMediaTypeException';
  }
}

export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType || undefined;
}

/** `application/json` and structured `application/*+json` types. */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return (
    mediaType !== undefined &&
    (mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType))
  );
}

/**
 * Refuses a body that is not JSON before validation sees it: without this, a text or XML body
 * would reach the DTO as a string or as nothing and come back as a confusing list of fields.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const mediaType = mediaTypeOf(
      context.switchToHttp().getRequest<Request>().headers['content-type'],
    );
    if (!isJsonMediaType(mediaType)) {
      throw new RequestMediaTypeException(
        `Content-Type ${mediaType ? `"${mediaType}"` : '(none)'} is not supported here: ` +
          'send application/json.',
      );
    }
    return next.handle();
  }
}

/** On a route whose `@Body()` is a JSON DTO. */
export const JsonBody = (): MethodDecorator & ClassDecorator =>
  UseInterceptors(JsonBodyInterceptor);
