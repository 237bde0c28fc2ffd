import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, appConfig } from '../../config/app-config';
import { TriageService } from '../../triage/triage.service';
import { isHelpRequest } from '../formatting/chat-command';
import { type TeamsIncomingMessage } from './teams-activity';
import {
  buildTeamsHelpReply,
  buildTeamsTriageReply,
  type TeamsMessageActivity,
} from './teams-message';

/**
 * A Teams outgoing webhook message: the same TriageService as the API. Teams waits 5 seconds and
 * offers no later delivery, so the answer is always inline (and visible in the thread).
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly triage: TriageService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async message(message: TeamsIncomingMessage): Promise<TeamsMessageActivity> {
    if (isHelpRequest(message.text)) {
      return buildTeamsHelpReply();
    }
    const result = await this.triage.triage({ text: message.text, source: 'teams' });
    return buildTeamsTriageReply(result, this.config.publicUrl);
  }
}
