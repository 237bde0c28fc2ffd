import {
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type PipeTransform,
} from '@nestjs/common';
import { type Request } from 'express';

import { RequestValidationException } from '../common/request-validation.exception';
import { createValidationPipe } from '../common/validation';
import { TriageException, TriageExceptionCode } from './triage.exception';
import { type TriageRequest, TriageRequestDto } from './triage-request.dto';

/** The media types the body parsers read for POST /api/v1/triage (see app-setup.ts). */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];
export const TEXT_MEDIA_TYPE = 'text/plain';

interface RawTriageBody {
  contentType: string | undefined;
  body: unknown;
}

/** The parsed body with its Content-Type, so the pipe can tell a JSON request from a raw paste. */
export const TriageBody = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RawTriageBody => {
    const request = context.switchToHttp().getRequest<Request>();
    return { contentType: request.headers['content-type'], body: request.body as unknown };
  },
);

/**
 * `application/json` → the validated DTO; `text/plain` → the raw body is the text;
 * anything else → 415. Empty or whitespace-only text is a 400 either way.
 */
@Injectable()
export class TriageRequestPipe implements PipeTransform<RawTriageBody, Promise<TriageRequest>> {
  private readonly validation = createValidationPipe();

  async transform({ contentType, body }: RawTriageBody): Promise<TriageRequest> {
    const mediaType = mediaTypeOf(contentType);
    if (isJson(mediaType)) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new RequestValidationException([
          { field: '(body)', message: 'the body must be a JSON object' },
        ]);
      }
      const dto = (await this.validation.transform(body, {
        type: 'body',
        metatype: TriageRequestDto,
      })) as TriageRequestDto;
      return {
        text: dto.text,
        ...(dto.context === undefined ? {} : { context: { ...dto.context } }),
        ...(dto.source === undefined ? {} : { source: dto.source }),
      };
    }
    if (mediaType === TEXT_MEDIA_TYPE) {
      const text = typeof body === 'string' ? body : '';
      if (!/\S/.test(text)) {
        throw new RequestValidationException([
          { field: 'text', message: 'text must not be empty or only whitespace' },
        ]);
      }
      return { text };
    }
    throw new TriageException(
      `Content-Type ${mediaType ? `"${mediaType}"` : '(none)'} is not supported: ` +
        'send application/json or text/plain.',
      TriageExceptionCode.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

function mediaTypeOf(contentType: string | undefined): string | undefined {
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  return mediaType || undefined;
}

function isJson(mediaType: string | undefined): boolean {
  return (
    mediaType !== undefined &&
    (mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType))
  );
}
