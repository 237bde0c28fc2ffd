import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { type Request } from 'express';

import { type AppConfig, appConfig } from '../../config/app-config';
import { ChatopsException, ChatopsExceptionCode } from '../chatops.exception';
import { rawBodyOf } from '../security/raw-body';
import {
  isMattermostTokenValid,
  mattermostTokenOf,
  parseMattermostCommand,
} from './mattermost-command';

/** Mattermost slash commands carry the command's token; it is compared in constant time. */
@Injectable()
export class MattermostTokenGuard implements CanActivate {
  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.config.chatops.mattermostToken;
    if (expected === undefined) {
      throw new ChatopsException(
        'Mattermost is not configured on this server (MATTERMOST_TOKEN is not set).',
        ChatopsExceptionCode.CHATOPS_NOT_CONFIGURED,
      );
    }
    const request = context.switchToHttp().getRequest<Request>();
    const received = mattermostTokenOf(
      parseMattermostCommand(rawBodyOf(request)).token,
      request.headers.authorization,
    );
    if (received === undefined) {
      throw new ChatopsException(
        'The request carries no Mattermost command token.',
        ChatopsExceptionCode.CHATOPS_SIGNATURE_MISSING,
      );
    }
    if (!isMattermostTokenValid(expected, received)) {
      throw new ChatopsException(
        'The Mattermost command token is not valid.',
        ChatopsExceptionCode.CHATOPS_SIGNATURE_INVALID,
      );
    }
    return true;
  }
}
