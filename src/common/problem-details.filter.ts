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
import { ChatopsException, ChatopsExceptionCode } from '../chatops/chatops.exception';
import {
  KnownIssueException,
  KnownIssueExceptionCode,
} from '../knowledge-base/known-issue.exception';
import { TriageException, TriageExceptionCode } from '../triage/triage.exception';
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
    if (body.status >= 500 && !(exception instanceof ChatopsException)) {
      this.logger.error(
        `${request.method} ${body.instance}: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) {
      return;
    }
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
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
  // Nest wraps the body parsers' errors in an HttpException with the original as its cause.
  const bodyParserProblem = fromBodyParserError(
    exception instanceof HttpException ? exception.cause : exception,
  );
  if (bodyParserProblem) {
    return bodyParserProblem;
  }
  if (exception instanceof HttpException) {
    return httpProblem(exception);
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
  return problem(status, detail);
}

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

function pathOf(request: Request): string {
  return (request.originalUrl ?? request.url ?? '').split('?')[0];
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
