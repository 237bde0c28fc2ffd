export enum ChatopsExceptionCode {
  /** The platform's secret is not configured: its endpoints are off (503), never open. */
  CHATOPS_NOT_CONFIGURED = 'CHATOPS_NOT_CONFIGURED',
  /** No signature, token or timestamp on the request (401). */
  CHATOPS_SIGNATURE_MISSING = 'CHATOPS_SIGNATURE_MISSING',
  /** The signature or token does not match (401). */
  CHATOPS_SIGNATURE_INVALID = 'CHATOPS_SIGNATURE_INVALID',
  /** A signed request whose timestamp is more than five minutes away: a replay or a bad clock (401). */
  CHATOPS_REQUEST_EXPIRED = 'CHATOPS_REQUEST_EXPIRED',
  /** A body the platform never sends (wrong media type): nothing to verify (415). */
  CHATOPS_UNSUPPORTED_MEDIA_TYPE = 'CHATOPS_UNSUPPORTED_MEDIA_TYPE',
  /** A verified request whose payload cannot be read (400). */
  CHATOPS_PAYLOAD_INVALID = 'CHATOPS_PAYLOAD_INVALID',
}

export class ChatopsException extends Error {
  constructor(
    message: string,
    readonly code: ChatopsExceptionCode,
  ) {
    super(message);
    this.name = 'ChatopsException';
  }
}
