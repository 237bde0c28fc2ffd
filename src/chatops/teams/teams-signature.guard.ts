import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type Request } from 'express';

import { type AppConfig, appConfig } from '../../config/app-config';
import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';
import { rawBodyOf } from '../security/raw-body';
import { verifyTeamsRequest } from './teams-signature';

/** Outgoing webhook requests are signed with the webhook's security token (HMAC-SHA256). */
@Injectable()
export class TeamsSignatureGuard implements CanActivate {
  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.chatops.teamsSecurityToken;
    if (token === undefined) {
      throw new ChatopsException(
        'Microsoft Teams is not configured on this server (TEAMS_SECURITY_TOKEN is not set).',
        ChatopsExceptionCode.CHATOPS_NOT_CONFIGURED,
      );
    }
    const request = context.switchToHttp().getRequest<Request>();
    const verification = verifyTeamsRequest(
      token,
      request.headers.authorization,
      rawBodyOf(request),
    );
    if (!verification.ok) {
      throw new ChatopsException(
        verification.reason === 'SIGNATURE_MISSING'
          ? 'The request has no "Authorization: HMAC …" header.'
          : 'The HMAC signature does not match the request.',
        verification.reason === 'SIGNATURE_MISSING'
          ? ChatopsExceptionCode.CHATOPS_SIGNATURE_MISSING
          : ChatopsExceptionCode.CHATOPS_SIGNATURE_INVALID,
      );
    }
    return true;
  }
}
