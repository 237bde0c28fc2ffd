import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
} from '@nestjs/common';
import { type Request, type Response } from 'express';

import { AnalysisException, AnalysisExceptionCode } from '../analyses/analysis.exception';
import { problemHeaders, toProblem } from '../common/problem-details.filter';
import { type AppConfig, appConfig } from '../config/app-config';
import { KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import {
  KnownIssueException,
  KnownIssueExceptionCode,
} from '../knowledge-base/known-issue.exception';
import { HTML_HEADERS } from './html-page.decorator';
import { errorView } from './views/error.view';
import { type SafeHtml } from './views/html';
import { formatBytes, pasteFormView } from './views/paste-form.view';
import { WebException, WebExceptionCode } from './web.exception';
import { WebAssets } from './web-assets';

interface ErrorDescription {
  status: number;
  title: string;
  message: string;
}

/**
 * The web pages' errors as readable pages (the JSON API keeps problem+json): the form again with
 * its errors for an invalid paste, an error page with links back for anything else.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);

  constructor(
    private readonly assets: WebAssets,
    private readonly knowledgeBase: KnowledgeBaseService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const { status, page } = this.render(exception);
    if (status >= 500) {
      this.logger.error(
        `${request.method} ${request.path}: ${exception instanceof Error ? exception.message : String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) {
      return;
    }
    // WWW-Authenticate of a 401 (the browser's key prompt), Retry-After of a 429.
    response.status(status).set(HTML_HEADERS).set(problemHeaders(exception)).send(page.value);
  }

  private render(exception: unknown): { status: number; page: SafeHtml } {
    const assets = this.assets.urls();
    if (
      exception instanceof WebException &&
      exception.code === WebExceptionCode.INVALID_PASTE_FORM &&
      exception.form
    ) {
      const page = pasteFormView({
        assets,
        maxBytes: this.config.bodyLimitBytes,
        knownIssueCount: this.knowledgeBase.listIssues().length,
        ...exception.form,
      });
      return { status: HttpStatus.BAD_REQUEST, page };
    }
    const error = describeError(exception, this.config.bodyLimitBytes);
    return { status: error.status, page: errorView({ assets, ...error }) };
  }
}

/** Status, title and message of an error page; exhaustive over the codes pages can meet. */
export function describeError(exception: unknown, bodyLimitBytes: number): ErrorDescription {
  const tooLarge: ErrorDescription = {
    status: HttpStatus.PAYLOAD_TOO_LARGE,
    title: 'The paste is too large',
    message:
      `A paste or log file may be up to ${formatBytes(bodyLimitBytes)}. Keep the lines of the ` +
      'failing component (and a few before them) and try again.',
  };
  if (exception instanceof WebException) {
    switch (exception.code) {
      case WebExceptionCode.PASTE_TOO_LARGE:
        return tooLarge;
      case WebExceptionCode.PAGE_NOT_FOUND:
        return {
          status: HttpStatus.NOT_FOUND,
          title: 'Page not found',
          message: exception.message,
        };
      case WebExceptionCode.INVALID_PASTE_FORM:
      case WebExceptionCode.INVALID_FORM:
        return {
          status: HttpStatus.BAD_REQUEST,
          title: 'The form could not be read',
          message: exception.message,
        };
      case WebExceptionCode.ANALYSIS_NOT_STORED:
        return {
          status: HttpStatus.SERVICE_UNAVAILABLE,
          title: 'The result could not be saved',
          message: exception.message,
        };
    }
  }
  if (exception instanceof AnalysisException) {
    switch (exception.code) {
      case AnalysisExceptionCode.ANALYSIS_NOT_FOUND:
        return {
          status: HttpStatus.NOT_FOUND,
          title: 'Analysis not found',
          message: 'No analysis has this address. Check that the link was copied whole.',
        };
      case AnalysisExceptionCode.FEEDBACK_ISSUE_UNKNOWN:
        return {
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          title: 'Feedback not recorded',
          message: exception.message,
        };
    }
  }
  if (exception instanceof KnownIssueException) {
    switch (exception.code) {
      case KnownIssueExceptionCode.KNOWN_ISSUE_NOT_FOUND:
        return {
          status: HttpStatus.NOT_FOUND,
          title: 'Known issue not found',
          message: exception.message,
        };
    }
  }
  // multer reports a text field over its size limit as a 400; for the paste it means too large.
  if (exception instanceof HttpException && multerCode(exception) === 'LIMIT_FIELD_VALUE') {
    return tooLarge;
  }
  const problem = toProblem(exception);
  if (problem.status === HttpStatus.PAYLOAD_TOO_LARGE) {
    return tooLarge;
  }
  return { status: problem.status, title: problem.title, message: problem.detail };
}

function multerCode(exception: HttpException): string | undefined {
  const cause = exception.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}
