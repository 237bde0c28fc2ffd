export enum KnownIssueExceptionCode {
  KNOWN_ISSUE_NOT_FOUND = 'KNOWN_ISSUE_NOT_FOUND',
}

export class KnownIssueException extends Error {
  constructor(
    message: string,
    readonly code: KnownIssueExceptionCode,
  ) {
    super(message);
    this.name = 'KnownIssueException';
  }
}
