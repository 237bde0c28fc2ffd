import {
  type ArgumentsHost,
  BadRequestException,
  HttpException,
  NotFoundException,
} from '@nestjs/common';

import { AnalysisException, AnalysisExceptionCode } from '../analyses/analysis.exception';
import { ApiKeyException, ApiKeyExceptionCode } from '../api-keys/api-key.exception';
import {
  KnownIssueException,
  KnownIssueExceptionCode,
} from '../knowledge-base/known-issue.exception';
import { RateLimitException } from '../rate-limit/rate-limit.exception';
import { TriageException, TriageExceptionCode } from '../triage/triage.exception';
import { AccessException, AccessExceptionCode } from './access.exception';
import { BodyScreeningError } from './body-screening';
import { RequestMediaTypeException } from './json-body.interceptor';
import { ProblemDetailsFilter, problemHeaders, toProblem } from './problem-details.filter';
import { RequestValidationException } from './request-validation.exception';

/** An http-errors object as the body parsers create them. */
function bodyParserError(type: string, status: number, extra: object = {}): Error {
  return Object.assign(new Error('parser message'), {
    type,
    status,
    statusCode: status,
    expose: true,
    ...extra,
  });
}

describe(toProblem.name, () => {
  it('maps validation errors to 400 with the bad fields', () => {
    const sut = toProblem(
      new RequestValidationException([{ field: 'text', message: 'text must be a string' }]),
    );

    expect(sut).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request is invalid.',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'text', message: 'text must be a string' }],
    });
  });

  it.each([
    [new TriageException('nope', TriageExceptionCode.UNSUPPORTED_MEDIA_TYPE), 415],
    [new AnalysisException('gone', AnalysisExceptionCode.ANALYSIS_NOT_FOUND), 404],
    [new AnalysisException('which?', AnalysisExceptionCode.FEEDBACK_ISSUE_UNKNOWN), 422],
    [new KnownIssueException('gone', KnownIssueExceptionCode.KNOWN_ISSUE_NOT_FOUND), 404],
  ])('maps %p to %i with its code and message', (exception, status) => {
    expect(toProblem(exception)).toMatchObject({
      status,
      detail: exception.message,
      code: exception.code,
    });
  });

  it('keeps the message of a client HttpException', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'Cannot GET /x',
    });
  });

  it.each([
    ['entity.too.large', 413, 'PAYLOAD_TOO_LARGE', { limit: 1024 }],
    ['entity.parse.failed', 400, 'MALFORMED_JSON', {}],
    ['charset.unsupported', 415, 'UNSUPPORTED_CHARSET', { charset: 'ebcdic' }],
    ['encoding.unsupported', 415, 'UNSUPPORTED_ENCODING', { encoding: 'br' }],
    ['request.aborted', 400, 'BAD_REQUEST_BODY', {}],
  ])('maps the body parser error %s to %i', (type, status, code, extra) => {
    const raw = bodyParserError(type, status, extra);
    const wrapped = new HttpException('parser message', status, { cause: raw });

    expect(toProblem(raw)).toMatchObject({ status, code });
    expect(toProblem(wrapped)).toMatchObject({ status, code });
  });

  it.each([
    [new AccessException('none', AccessExceptionCode.API_KEY_MISSING), 401],
    [new AccessException('bad', AccessExceptionCode.API_KEY_INVALID), 401],
    [new AccessException('scope', AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT), 403],
    [new ApiKeyException('gone', ApiKeyExceptionCode.API_KEY_NOT_FOUND), 404],
    [new RequestMediaTypeException('send JSON'), 415],
    [new RateLimitException(7), 429],
  ])('maps %p to %i with its code and message', (exception, status) => {
    expect(toProblem(exception)).toMatchObject({
      status,
      detail: exception.message,
      code: exception.code,
    });
  });

  it.each([
    ['entity.too.deep', 'JSON_TOO_DEEP'],
    ['body.invalid.utf8', 'INVALID_UTF8'],
    ['body.nul.character', 'NUL_CHARACTER'],
    ['body.reserved.key', 'RESERVED_JSON_KEY'],
  ] as const)('maps the body screening error %s to 400 %s', (type, code) => {
    const raw = new BodyScreeningError('screened', type);

    expect(toProblem(new HttpException(raw.message, 400, { cause: raw }))).toMatchObject({
      status: 400,
      detail: 'screened',
      code,
    });
  });

  it('maps a body that does not decompress to 400 UNDECODABLE_BODY', () => {
    const zlib = Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });

    expect(toProblem(new HttpException('Bad Request', 400, { cause: zlib }))).toMatchObject({
      status: 400,
      code: 'UNDECODABLE_BODY',
    });
  });

  it('replaces a detail that only repeats the status phrase', () => {
    expect(toProblem(new NotFoundException('Not Found')).detail).toBe(
      'There is nothing at this address.',
    );
  });

  it('says how large a body may be', () => {
    expect(toProblem(bodyParserError('entity.too.large', 413, { limit: 1024 })).detail).toBe(
      'The request body exceeds the limit of 1024 bytes.',
    );
  });

  it('never shows the message of an unknown error', () => {
    const sut = toProblem(new Error('ENOENT: /srv/kubetriage/secret/path'));

    expect(sut).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
      code: 'INTERNAL_ERROR',
    });
  });

  it('hides server-side HttpExceptions too', () => {
    expect(toProblem(new HttpException('db password wrong', 503)).detail).toBe(
      'An unexpected error occurred.',
    );
  });
});

describe(problemHeaders.name, () => {
  it('challenges for a key on a 401, with invalid_token when one was refused', () => {
    expect(
      problemHeaders(new AccessException('none', AccessExceptionCode.API_KEY_MISSING)),
    ).toEqual({ 'WWW-Authenticate': 'Bearer realm="kubetriage"' });
    expect(problemHeaders(new AccessException('bad', AccessExceptionCode.API_KEY_INVALID))).toEqual(
      { 'WWW-Authenticate': 'Bearer realm="kubetriage", error="invalid_token"' },
    );
    expect(
      problemHeaders(new AccessException('page', AccessExceptionCode.API_KEY_MISSING, 'Basic')),
    ).toEqual({ 'WWW-Authenticate': 'Basic realm="kubetriage", charset="UTF-8"' });
  });

  it('sends no challenge with a 403, and Retry-After with a 429', () => {
    expect(
      problemHeaders(new AccessException('s', AccessExceptionCode.API_KEY_SCOPE_INSUFFICIENT)),
    ).toEqual({});
    expect(problemHeaders(new RateLimitException(12))).toEqual({ 'Retry-After': '12' });
  });
});

describe(ProblemDetailsFilter.name, () => {
  function host(response: object): ArgumentsHost {
    const request = { method: 'POST', originalUrl: '/api/v1/triage?x=1' };
    return {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ArgumentsHost;
  }

  it('writes application/problem+json with the request path as instance', () => {
    const response = {
      headersSent: false,
      status: jest.fn().mockReturnThis(),
      set: jest.fn().mockReturnThis(),
      type: jest.fn().mockReturnThis(),
      send: jest.fn().mockReturnThis(),
    };
    const sut = new ProblemDetailsFilter();

    sut.catch(new BadRequestException('bad'), host(response));

    expect(response.status).toHaveBeenCalledWith(400);
    expect(response.type).toHaveBeenCalledWith('application/problem+json');
    expect(JSON.parse(response.send.mock.calls[0][0] as string)).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'bad',
      instance: '/api/v1/triage',
    });
  });

  it('leaves a response alone once its headers are sent', () => {
    const response = { headersSent: true, status: jest.fn() };
    const sut = new ProblemDetailsFilter();

    sut.catch(new BadRequestException('late'), host(response));

    expect(response.status).not.toHaveBeenCalled();
  });
});
