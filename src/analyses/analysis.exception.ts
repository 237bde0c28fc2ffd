export enum AnalysisExceptionCode {
  ANALYSIS_NOT_FOUND = 'ANALYSIS_NOT_FOUND',
  /** Feedback names an issue that is neither a cause of the analysis nor a known issue. */
  FEEDBACK_ISSUE_UNKNOWN = 'FEEDBACK_ISSUE_UNKNOWN',
}

export class AnalysisException extends Error {
  constructor(
    message: string,
    readonly code: AnalysisExceptionCode,
  ) {
    super(message);
    this.name = 'AnalysisException';
  }
}
