import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  Post,
  Query,
  Redirect,
  Req,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { type Request } from 'express';

import { WebPage } from '../common/access.decorator';
import { HtmlPage } from './html-page.decorator';
import { type UploadedLogFile } from './paste-form.parser';
import { UrlencodedBodyInterceptor } from './urlencoded-body.interceptor';
import { WebExceptionFilter } from './web-exception.filter';
import { WebFormsService } from './web-forms.service';
import { type RecordedFeedbackQuery, WebPagesService } from './web-pages.service';

interface RedirectTo {
  url: string;
  statusCode: number;
}

/** "See other": after a form post, the browser GETs the page (no re-post on reload). */
const seeOther = (url: string): RedirectTo => ({ url, statusCode: HttpStatus.SEE_OTHER });

/** The HTML pages: paste form, result permalink, knowledge base. Errors are pages too. */
@Controller()
@UseFilters(WebExceptionFilter)
// WEB_AUTH=required asks for a key (HTTP Basic, the key as password); open by default.
@WebPage()
export class WebController {
  constructor(
    private readonly pages: WebPagesService,
    private readonly forms: WebFormsService,
  ) {}

  @Get()
  @HtmlPage()
  form(): string {
    return this.pages.pasteForm();
  }

  /** The form: urlencoded, or multipart with the log file in `file`. */
  @Post('analyses')
  @UseInterceptors(UrlencodedBodyInterceptor, FileInterceptor('file'))
  @Redirect()
  async submit(
    @Body() body: unknown,
    @UploadedFile() file: UploadedLogFile | undefined,
  ): Promise<RedirectTo> {
    return seeOther(await this.forms.submitPaste(body, file));
  }

  @Get('analyses/:id')
  @HtmlPage()
  analysis(
    @Param('id') id: string,
    @Query() query: RecordedFeedbackQuery,
    @Req() request: Request,
  ): Promise<string> {
    return this.pages.analysis(id, `${request.protocol}://${request.get('host') ?? ''}`, query);
  }

  @Post('analyses/:id/feedback')
  @UseInterceptors(UrlencodedBodyInterceptor)
  @Redirect()
  async feedback(@Param('id') id: string, @Body() body: unknown): Promise<RedirectTo> {
    return seeOther(await this.forms.recordFeedback(id, body));
  }

  @Get('known-issues')
  @HtmlPage()
  knownIssues(@Query('q') query: unknown): Promise<string> {
    return this.pages.knownIssueList(query);
  }

  @Get('known-issues/:issueId')
  @HtmlPage()
  knownIssue(@Param('issueId') issueId: string): Promise<string> {
    return this.pages.knownIssue(issueId);
  }
}
