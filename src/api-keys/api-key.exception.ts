export enum ApiKeyExceptionCode {
  API_KEY_NOT_FOUND = 'API_KEY_NOT_FOUND',
}

export class ApiKeyException extends Error {
  constructor(
    message: string,
    readonly code: ApiKeyExceptionCode,
  ) {
    super(message);
    this.name = 'ApiKeyException';
  }
}
