import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type Request } from 'express';

import { Clock } from '../../common/clock';
import { type AppConfig, appConfig } from '../../config/app-config';
import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';
import { rawBodyOf } from '../security/raw-body';
import { type SlackVerificationFailure, verifySlackRequest } from './slack-signature';

const FAILURES: Record<SlackVerificationFailure, [string, ChatopsExceptionCode]> = {
  SIGNATURE_MISSING: [
    'The request has no X-Slack-Signature and X-Slack-Request-Timestamp headers.',
    ChatopsExceptionCode.CHATOPS_SIGNATURE_MISSING,
  ],
  TIMESTAMP_INVALID: [
    'X-Slack-Request-Timestamp is not a Unix time in seconds.',
    ChatopsExceptionCode.CHATOPS_SIGNATURE_INVALID,
  ],
  TIMESTAMP_OUT_OF_RANGE: [
    'X-Slack-Request-Timestamp is more than five minutes away from the server clock.',
    ChatopsExceptionCode.CHATOPS_REQUEST_EXPIRED,
  ],
  SIGNATURE_MISMATCH: [
    'X-Slack-Signature does not match the request.',
    ChatopsExceptionCode.CHATOPS_SIGNATURE_INVALID,
  ],
};

/** Every Slack request is verified before anything runs; unsigned requests are never accepted. */
@Injectable()
export class SlackSignatureGuard implements CanActivate {
  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const secret = this.config.chatops.slackSigningSecret;
    if (secret === undefined) {
      throw new ChatopsException(
        'Slack is not configured on this server (SLACK_SIGNING_SECRET is not set).',
        ChatopsExceptionCode.CHATOPS_NOT_CONFIGURED,
      );
    }
    const request = context.switchToHttp().getRequest<Request>();
    const verification = verifySlackRequest({
      secret,
      timestamp: request.headers['x-slack-request-timestamp'],
      signature: request.headers['x-slack-signature'],
      rawBody: rawBodyOf(request),
      nowSeconds: Math.floor(this.clock.now().getTime() / 1000),
    });
    if (!verification.ok) {
      throw new ChatopsException(...FAILURES[verification.reason]);
    }
    return true;
  }
}
