import { Inject, Injectable } from '@nestjs/common';

import { type AppConfig, appConfig } from '../../config/app-config';
import { TriageService } from '../../triage/triage.service';
import { isHelpRequest } from '../formatting/chat-command';
import { type MattermostSlashCommand } from './mattermost-command';
import {
  buildMattermostHelpResponse,
  buildMattermostTriageResponse,
  type MattermostResponse,
} from './mattermost-message';

/** A Mattermost slash command: the same TriageService as the API, answered in Markdown. */
@Injectable()
export class MattermostService {
  constructor(
    private readonly triage: TriageService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  async command(command: MattermostSlashCommand): Promise<MattermostResponse> {
    const text = command.text.trim();
    if (isHelpRequest(text)) {
      return buildMattermostHelpResponse(command.command);
    }
    const result = await this.triage.triage({ text, source: 'mattermost' });
    return buildMattermostTriageResponse(result, {
      publicUrl: this.config.publicUrl,
      responseType: this.config.chatops.responseType,
    });
  }
}
