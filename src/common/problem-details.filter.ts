import { STATUS_CODES } from 'node:http';

import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';

import { AnalysisException, AnalysisExceptionCode } from '../analyses/analysis.exception';
import { ApiKeyException, ApiKeyExceptionCode } from '../api-keys/api-key.exception';
import { ChatopsException, ChatopsExceptionCode } from '../chatops/chatops.exception';
import { isDatabaseUnavailableError } from '../database/database-unavailable';
import {
  KnownIssueException,
  KnownIssueExceptionCode,
} from '../knowledge-base/known-issue.exception';
import { RateLimitException } from '../rate-limit/rate-limit.exception';
import { TriageException, TriageExceptionCode } from '../triage/triage.exception';
import { AccessException, AccessExceptionCode } from './access.exception';
import { RequestMediaTypeException } from './json-body.interceptor';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import { RequestValidationException } from './request-validation.exception';

/**
 * The one place where errors become HTTP: every error, thrown by our code, by Nest (unknown
 * routes, pipes) or by the body parsers, leaves as `application/problem+json` (RFC 9457).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const body: ProblemDetails = { ...toProblem(exception), instance: pathOf(request) };

    // An unconfigured chat platform (503) is a setting, not a fault: ChatopsModule logs it at start-up.
    if (body.code === 'DATABASE_UNAVAILABLE') {
      // An outage, not a bug: no stack, and /readyz already reports it.
      this.logger.warn(`${request.method} ${body.instance}: ${describe(exception)}`);
    } else if (body.status >= 500 && !(exception instanceof ChatopsException)) {
      this.logger.error(
        `${request.method} ${body.instance}: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) {
      return;
    }
    response
      .status(body.status)
      .set(problemHeaders(exception))
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(body));
  }
}

/** Headers a problem needs beyond its body: the auth challenge of a 401, Retry-After of a 429. */
export function problemHeaders(exception: unknown): Record<string, string> {
  if (
    exception instanceof AccessException &&
    exception.code !== AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT
  ) {
    const error =
      exception.code === AccessExceptionCode.API_KEY_INVALID ? ', error="invalid_token"' : '';
    return {
      'WWW-Authenticate':
        exception.challenge === 'Basic'
          ? 'Basic realm="kubetriage", charset="UTF-8"'
          : `Bearer realm="kubetriage"${error}`,
    };
  }
  if (exception instanceof RateLimitException) {
    return { 'Retry-After': String(exception.retryAfterSeconds) };
  }
  return {};
}

/** Maps an error to its problem; exhaustive over every feature exception code. */
export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof RequestValidationException) {
    return problem(HttpStatus.BAD_REQUEST, 'The request is invalid.', {
      code: 'VALIDATION_FAILED',
      errors: exception.errors,
    });
  }
  if (exception instanceof TriageException) {
    return triageProblem(exception);
  }
  if (exception instanceof AnalysisException) {
    return analysisProblem(exception);
  }
  if (exception instanceof KnownIssueException) {
    return knownIssueProblem(exception);
  }
  if (exception instanceof ChatopsException) {
    return chatopsProblem(exception);
  }
  if (exception instanceof AccessException) {
    return accessProblem(exception);
  }
  if (exception instanceof ApiKeyException) {
    return apiKeyProblem(exception);
  }
  if (exception instanceof RateLimitException) {
    return problem(HttpStatus.TOO_MANY_REQUESTS, exception.message, { code: exception.code });
  }
  if (exception instanceof RequestMediaTypeException) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, exception.message, { code: exception.code });
  }
  // Nest wraps the body parsers' errors in an HttpException with the original as its cause.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  const bodyParserProblem = fromBodyParserError(cause) ?? fromDecompressionError(cause);
  if (bodyParserProblem) {
    return bodyParserProblem;
  }
  if (exception instanceof HttpException) {
    return httpProblem(exception);
  }
  if (isDatabaseUnavailableError(exception)) {
    return problem(
      HttpStatus.SERVICE_UNAVAILABLE,
      'The database is unavailable; try again shortly.',
      {
        code: 'DATABASE_UNAVAILABLE',
      },
    );
  }
  // Never echo an unknown error: its message may hold internal paths or SQL.
  return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.', {
    code: 'INTERNAL_ERROR',
  });
}

function triageProblem(exception: TriageException): ProblemDetails {
  switch (exception.code) {
    case TriageExceptionCode.UNSUPPORTED_MEDIA_TYPE:
      return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, exception.message, {
        code: exception.code,
      });
  }
}

function analysisProblem(exception: AnalysisException): ProblemDetails {
  switch (exception.code) {
    case AnalysisExceptionCode.ANALYSIS_NOT_FOUND:
      return problem(HttpStatus.NOT_FOUND, exception.message, { code: exception.code });
    case AnalysisExceptionCode.FEEDBACK_ISSUE_UNKNOWN:
      return problem(HttpStatus.UNPROCESSABLE_ENTITY, exception.message, { code: exception.code });
  }
}

function knownIssueProblem(exception: KnownIssueException): ProblemDetails {
  switch (exception.code) {
    case KnownIssueExceptionCode.KNOWN_ISSUE_NOT_FOUND:
      return problem(HttpStatus.NOT_FOUND, exception.message, { code: exception.code });
  }
}

function chatopsProblem(exception: ChatopsException): ProblemDetails {
  const extra = { code: exception.code };
  switch (exception.code) {
    case ChatopsExceptionCode.CHATOPS_NOT_CONFIGURED:
      return problem(HttpStatus.SERVICE_UNAVAILABLE, exception.message, extra);
    case ChatopsExceptionCode.CHATOPS_SIGNATURE_MISSING:
    case ChatopsExceptionCode.CHATOPS_SIGNATURE_INVALID:
    case ChatopsExceptionCode.CHATOPS_REQUEST_EXPIRED:
      return problem(HttpStatus.UNAUTHORIZED, exception.message, extra);
    case ChatopsExceptionCode.CHATOPS_UNSUPPORTED_MEDIA_TYPE:
      return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, exception.message, extra);
    case ChatopsExceptionCode.CHATOPS_PAYLOAD_INVALID:
      return problem(HttpStatus.BAD_REQUEST, exception.message, extra);
  }
}

function accessProblem(exception: AccessException): ProblemDetails {
  switch (exception.code) {
    case AccessExceptionCode.API_KEY_MISSING:
    case AccessExceptionCode.API_KEY_INVALID:
      return problem(HttpStatus.UNAUTHORIZED, exception.message, { code: exception.code });
    case AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT:
      return problem(HttpStatus.FORBIDDEN, exception.message, { code: exception.code });
  }
}

function apiKeyProblem(exception: ApiKeyException): ProblemDetails {
  switch (exception.code) {
    case ApiKeyExceptionCode.API_KEY_NOT_FOUND:
      return problem(HttpStatus.NOT_FOUND, exception.message, { code: exception.code });
  }
}

function httpProblem(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  if (status >= 500) {
    return problem(status, 'An unexpected error occurred.', { code: 'INTERNAL_ERROR' });
  }
  const response = exception.getResponse();
  let detail = exception.message;
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string') detail = message;
    if (Array.isArray(message)) detail = message.map(String).join('; ');
  }
  // A bare status phrase (a static file that is not there, a parser that hides its message)
  // tells the client nothing the status did not: say what the status means here.
  if (detail.trim() === '' || detail === STATUS_CODES[status]) {
    detail =
      GENERIC_DETAILS[status] ??
      `The request was refused (${status} ${STATUS_CODES[status] ?? ''}).`;
  }
  return problem(status, detail);
}

const GENERIC_DETAILS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: 'The request could not be read.',
  [HttpStatus.NOT_FOUND]: 'There is nothing at this address.',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'This address does not accept this method.',
  [HttpStatus.NOT_ACCEPTABLE]: 'No representation matches the Accept header.',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'The request body is larger than the server accepts.',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'The Content-Type of the request is not supported here.',
};

/** Errors raised by the Express body parsers (`http-errors` objects with a `type`). */
interface BodyParserError {
  type: string;
  status: number;
  expose?: boolean;
  limit?: number;
  charset?: string;
  encoding?: string;
  message: string;
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.type === 'string' &&
    typeof candidate.status === 'number'
  );
}

function fromBodyParserError(exception: unknown): ProblemDetails | undefined {
  if (!isBodyParserError(exception)) {
    return undefined;
  }
  switch (exception.type) {
    case 'entity.too.large':
      return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        `The request body exceeds the limit of ${exception.limit ?? 'the configured'} bytes.`,
        { code: 'PAYLOAD_TOO_LARGE' },
      );
    case 'entity.parse.failed':
      return problem(HttpStatus.BAD_REQUEST, 'The request body is not valid JSON.', {
        code: 'MALFORMED_JSON',
      });
    // Raised by screenRequestBody (body-screening.ts) after the parsers.
    case 'entity.too.deep':
      return problem(HttpStatus.BAD_REQUEST, exception.message, { code: 'JSON_TOO_DEEP' });
    case 'body.invalid.utf8':
      return problem(HttpStatus.BAD_REQUEST, exception.message, { code: 'INVALID_UTF8' });
    case 'body.nul.character':
      return problem(HttpStatus.BAD_REQUEST, exception.message, { code: 'NUL_CHARACTER' });
    case 'body.reserved.key':
      return problem(HttpStatus.BAD_REQUEST, exception.message, { code: 'RESERVED_JSON_KEY' });
    case 'charset.unsupported':
      return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        `Unsupported charset "${exception.charset ?? ''}".`,
        { code: 'UNSUPPORTED_CHARSET' },
      );
    case 'encoding.unsupported':
      return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        `Unsupported content encoding "${exception.encoding ?? ''}".`,
        { code: 'UNSUPPORTED_ENCODING' },
      );
  }
  // Other client errors of the parsers (aborted request, wrong length) carry safe messages.
  if (exception.status >= 400 && exception.status < 500 && exception.expose !== false) {
    return problem(exception.status, exception.message, { code: 'BAD_REQUEST_BODY' });
  }
  return undefined;
}

/** A body that does not decompress as its Content-Encoding says (zlib's Z_DATA_ERROR…). */
function fromDecompressionError(exception: unknown): ProblemDetails | undefined {
  const code = (exception as { code?: unknown } | null)?.code;
  // zlib (Z_DATA_ERROR…), brotli (ERR__ERROR_FORMAT_…) and zstd decoders.
  if (typeof code !== 'string' || !/^(?:Z_|ERR__|ERR_BROTLI|ERR_ZSTD)/.test(code)) return undefined;
  return problem(
    HttpStatus.BAD_REQUEST,
    'The request body cannot be decompressed as its Content-Encoding says.',
    { code: 'UNDECODABLE_BODY' },
  );
}

function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0];
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
