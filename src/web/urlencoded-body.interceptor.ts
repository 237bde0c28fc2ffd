import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { type Request } from 'express';
import { type Observable } from 'rxjs';

import { type AppConfig, appConfig } from '../config/app-config';
import { WebException, WebExceptionCode } from './web.exception';

/**
 * Reads an `application/x-www-form-urlencoded` body (a form posted without a file, or by curl)
 * for the web routes only. It runs as an interceptor, inside the route, so a body over BODY_LIMIT
 * becomes the web's 413 page rather than the API's problem+json. Multipart bodies are multer's.
 */
@Injectable()
export class UrlencodedBodyInterceptor implements NestInterceptor {
  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    if (isUrlencoded(request.headers['content-type']) && !request.readableEnded) {
      request.body = await readUrlencodedBody(request, this.config.bodyLimitBytes);
    }
    return next.handle();
  }
}

export function isUrlencoded(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** The fields of a urlencoded body (first value of each name), refusing more than `limit` bytes. */
export function readUrlencodedBody(
  stream: NodeJS.ReadableStream & { headers: Record<string, string | string[] | undefined> },
  limit: number,
): Promise<Record<string, string>> {
  const tooLarge = () =>
    new WebException(
      `The form body is over the limit of ${limit} bytes.`,
      WebExceptionCode.PASTE_TOO_LARGE,
    );
  const declared = Number(stream.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > limit) {
        cleanUp();
        stream.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(buffer);
    };
    const onEnd = () => {
      cleanUp();
      const fields = new Map<string, string>();
      for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
        if (!fields.has(name)) fields.set(name, value);
      }
      // fromEntries defines own properties: a field named __proto__ stays a plain field.
      resolve(Object.fromEntries(fields));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      stream.removeListener('data', onData);
      stream.removeListener('end', onEnd);
      stream.removeListener('error', onError);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
