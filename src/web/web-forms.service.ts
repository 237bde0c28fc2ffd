import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';

import { AnalysesService } from '../analyses/analyses.service';
import { ALL_ANALYSES } from '../analyses/analysis-reader';
import { FeedbackRequestDto } from '../analyses/feedback-request.dto';
import { RequestValidationException } from '../common/request-validation.exception';
import { createValidationPipe } from '../common/validation';
import { TriageService } from '../triage/triage.service';
import { parsePasteForm, type UploadedLogFile } from './paste-form.parser';
import { WebException, WebExceptionCode } from './web.exception';

/** The two forms of the pages, posted without JavaScript; each answers with where to go next. */
@Injectable()
export class WebFormsService {
  constructor(
    private readonly triage: TriageService,
    private readonly analyses: AnalysesService,
  ) {}

  /** The paste form → the same triage as POST /api/v1/triage → the result page's path. */
  async submitPaste(body: unknown, file: UploadedLogFile | undefined): Promise<string> {
    const request = await parsePasteForm(body, file);
    const analysis = await this.triage.triage(request);
    if (!analysis.stored) {
      throw new WebException(
        'The database is unavailable right now, so the result could not be saved. ' +
          'Try again in a minute.',
        WebExceptionCode.ANALYSIS_NOT_STORED,
      );
    }
    return `/analyses/${analysis.id}`;
  }

  /** A "this was it" / "not this" button → the result page, which then confirms the verdict. */
  async recordFeedback(analysisId: string, body: unknown): Promise<string> {
    if (!isUUID(analysisId)) {
      throw new WebException('No analysis has this address.', WebExceptionCode.PAGE_NOT_FOUND);
    }
    const feedback = await validateFeedback(body);
    // The page's link is what grants access to its analysis (see AnalysesService.getWithPaste).
    await this.analyses.addFeedback(analysisId, feedback, ALL_ANALYSES);
    const query = new URLSearchParams({ feedback: feedback.verdict, issue: feedback.issueId });
    return `/analyses/${analysisId}?${query.toString()}#cause-${encodeURIComponent(feedback.issueId)}`;
  }
}

async function validateFeedback(body: unknown): Promise<FeedbackRequestDto> {
  try {
    return (await createValidationPipe().transform(body ?? {}, {
      type: 'body',
      metatype: FeedbackRequestDto,
    })) as FeedbackRequestDto;
  } catch (error) {
    if (!(error instanceof RequestValidationException)) throw error;
    throw new WebException(
      `The feedback could not be read: ${error.message}.`,
      WebExceptionCode.INVALID_FORM,
    );
  }
}
