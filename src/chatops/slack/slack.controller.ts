import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';

import { SignedByPlatform } from '../../common/access.decorator';
import { FORM_MEDIA_TYPE, VerifiedBody } from '../security/raw-body';
import { SlackService } from './slack.service';
import { type SlackMessage } from './slack-blocks';
import { parseSlackInteraction, parseSlackSlashCommand } from './slack-payload';
import { SlackSignatureGuard } from './slack-signature.guard';

/** The Slack app's request URLs (see chatops/slack-app-manifest.yaml). */
@Controller('api/v1/chatops/slack')
@SignedByPlatform()
@UseGuards(SlackSignatureGuard)
export class SlackController {
  constructor(private readonly service: SlackService) {}

  /** The `/triage` slash command: answers with a Block Kit message. */
  @Post('commands')
  @HttpCode(HttpStatus.OK)
  command(@VerifiedBody(FORM_MEDIA_TYPE) body: Buffer): Promise<SlackMessage> {
    return this.service.command(parseSlackSlashCommand(body));
  }

  /** Button clicks: an empty 200 acknowledges them; replies go to the response_url. */
  @Post('interactions')
  @HttpCode(HttpStatus.OK)
  async interaction(@VerifiedBody(FORM_MEDIA_TYPE) body: Buffer): Promise<void> {
    await this.service.interaction(parseSlackInteraction(body));
  }
}
