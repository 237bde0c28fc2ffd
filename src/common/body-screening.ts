import { isUtf8 } from 'node:buffer';

import { type NextFunction, type Request, type Response } from 'express';

import { isJsonMediaType, mediaTypeOf } from './json-body.interceptor';

/** Deeper than any request the API reads, shallow enough for every recursive validator. */
export const MAX_JSON_DEPTH = 32;

/** Body screening errors, shaped like the body parsers' (http-errors) so they map the same way. */
export type BodyScreeningErrorType =
  'entity.too.deep' | 'body.invalid.utf8' | 'body.nul.character' | 'body.reserved.key';

/**
 * Never a field of this API, and the keys of prototype pollution: refused anywhere in a body
 * (class-transformer drops them silently, so they would otherwise pass as unknown fields).
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class BodyScreeningError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly expose = true;

  constructor(
    message: string,
    readonly type: BodyScreeningErrorType,
  ) {
    super(message);
    this.name = 'BodyScreeningError';
  }
}

/**
 * What the body parsers let through but nothing after them should meet, checked once for every
 * JSON and text body: bytes that are not UTF-8 (the parsers would turn them into U+FFFD and
 * analyse garbage), NUL characters (PostgreSQL text cannot store them), the keys of prototype
 * pollution (`__proto__`, `constructor`, `prototype`) and JSON nested deeper
 * than MAX_JSON_DEPTH (class-transformer and class-validator recurse and would overflow the
 * stack: 100 000 nested arrays parse fine but crash the validation).
 */
export function screenRequestBody(request: Request, _response: Response, next: NextFunction): void {
  const mediaType = mediaTypeOf(request.headers['content-type']);
  const json = isJsonMediaType(mediaType);
  if (!json && mediaType !== 'text/plain') {
    next();
    return;
  }
  try {
    const raw = (request as Request & { rawBody?: unknown }).rawBody;
    if (Buffer.isBuffer(raw) && declaresUtf8(request.headers['content-type']) && !isUtf8(raw)) {
      throw new BodyScreeningError(
        'The request body is not valid UTF-8 text (binary data, or another encoding without a charset).',
        'body.invalid.utf8',
      );
    }
    screenValue(request.body);
    next();
  } catch (error) {
    next(error);
  }
}

/** No charset means UTF-8 for JSON and for our text/plain. */
function declaresUtf8(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

/** Iterative, so that the check itself cannot overflow the stack. */
function screenValue(root: unknown): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw nulCharacter();
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new BodyScreeningError(
        `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
        'entity.too.deep',
      );
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) throw nulCharacter();
      if (RESERVED_KEYS.has(key)) {
        throw new BodyScreeningError(
          `The JSON body uses the reserved key "${key}".`,
          'body.reserved.key',
        );
      }
      stack.push([item, depth + 1]);
    }
  }
}

function nulCharacter(): BodyScreeningError {
  return new BodyScreeningError(
    'The request body contains a NUL character (U+0000): send text, not binary data.',
    'body.nul.character',
  );
}
