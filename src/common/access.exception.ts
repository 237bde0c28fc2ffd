export enum AccessExceptionCode {
  /** 401: the route needs a key and none was sent. */
  API_KEY_MISSING = 'API_KEY_MISSING',
  /** 401: a key was sent but it is unknown, revoked or malformed. */
  API_KEY_INVALID = 'API_KEY_INVALID',
  /** 403: a valid key without the scope the route needs. */
  API_KEY_SCOPE_INSUFFICIENT = 'API_KEY_SCOPE_INSUFFICIENT',
}

/** How a client is asked for credentials: API clients send Bearer, browsers prompt for Basic. */
export type AuthChallenge = 'Bearer' | 'Basic';

export class AccessException extends Error {
  constructor(
    message: string,
    readonly code: AccessExceptionCode,
    readonly challenge: AuthChallenge = 'Bearer',
  ) {
    super(message);
    this.name = 'AccessException';
  }
}
