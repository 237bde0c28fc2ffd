export enum TriageExceptionCode {
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
}

export class TriageException extends Error {
  constructor(
    message: string,
    readonly code: TriageExceptionCode,
  ) {
    super(message);
    this.name = 'TriageException';
  }
}
