/** 429: a client IP or API key sent more requests than its window allows. */
export class RateLimitException extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(
    /** Whole seconds until the client may try again (the `Retry-After` header). */
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many requests: try again in ${retryAfterSeconds} s.`);
    this.name = 'RateLimitException';
  }
}
