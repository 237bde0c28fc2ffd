import { createParamDecorator, type ExecutionContext, type RawBodyRequest } from '@nestjs/common';
import { type Request } from 'express';

import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
export const JSON_MEDIA_TYPE = 'application/json';

/**
 * The body bytes exactly as received. The app is created with `rawBody: true` (see app-setup.ts),
 * so every body parser keeps them on `req.rawBody`; a request no parser read has none, which the
 * signature checks treat as an empty body (so a real body fails verification).
 */
export function rawBodyOf(request: Request): Buffer {
  const raw = (request as RawBodyRequest<Request>).rawBody;
  return Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
}

/**
 * `@VerifiedBody(FORM_MEDIA_TYPE)`: the raw body of a request that a guard has verified, refused
 * with 415 when it does not have the media type the platform sends.
 */
export const VerifiedBody = createParamDecorator(
  (mediaType: string, context: ExecutionContext): Buffer => {
    const request = context.switchToHttp().getRequest<Request>();
    const received = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
    if (received !== mediaType) {
      throw new ChatopsException(
        `Content-Type ${received ? `"${received}"` : '(none)'} is not supported here: send ${mediaType}.`,
        ChatopsExceptionCode.CHATOPS_UNSUPPORTED_MEDIA_TYPE,
      );
    }
    return rawBodyOf(request);
  },
);
