import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';

import { AnalysesModule } from '../analyses/analyses.module';
import { type AppConfig, appConfig } from '../config/app-config';
import { TriageModule } from '../triage/triage.module';
import { MattermostController } from './mattermost/mattermost.controller';
import { MattermostService } from './mattermost/mattermost.service';
import { MattermostTokenGuard } from './mattermost/mattermost-token.guard';
import { ResponseUrlClient } from './response-url.client';
import { SlackController } from './slack/slack.controller';
import { SlackService } from './slack/slack.service';
import { SlackSignatureGuard } from './slack/slack-signature.guard';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { TeamsSignatureGuard } from './teams/teams-signature.guard';

/** Slack, Mattermost and Teams: verified requests in, the API's triage out, formatted per platform. */
@Module({
  imports: [TriageModule, AnalysesModule],
  controllers: [SlackController, MattermostController, TeamsController],
  providers: [
    ResponseUrlClient,
    SlackService,
    SlackSignatureGuard,
    MattermostService,
    MattermostTokenGuard,
    TeamsService,
    TeamsSignatureGuard,
  ],
})
export class ChatopsModule implements OnApplicationBootstrap {
  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

  /** Says which platforms are on: an unset secret answers 503, which should not be a surprise. */
  onApplicationBootstrap(): void {
    const { slackSigningSecret, mattermostToken, teamsSecurityToken } = this.config.chatops;
    const state = (secret: string | undefined, setting: string): string =>
      secret === undefined ? `off (${setting} not set)` : 'on';
    new Logger('Chatops').log(
      `Slack ${state(slackSigningSecret, 'SLACK_SIGNING_SECRET')}, ` +
        `Mattermost ${state(mattermostToken, 'MATTERMOST_TOKEN')}, ` +
        `Teams ${state(teamsSecurityToken, 'TEAMS_SECURITY_TOKEN')}`,
    );
  }
}
