import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';

import { SignedByPlatform } from '../../common/access.decorator';
import { FORM_MEDIA_TYPE, VerifiedBody } from '../security/raw-body';
import { MattermostService } from './mattermost.service';
import { parseMattermostCommand } from './mattermost-command';
import { type MattermostResponse } from './mattermost-message';
import { MattermostTokenGuard } from './mattermost-token.guard';

@Controller('api/v1/chatops/mattermost')
@SignedByPlatform()
@UseGuards(MattermostTokenGuard)
export class MattermostController {
  constructor(private readonly service: MattermostService) {}

  /** The custom slash command's request URL (method POST). */
  @Post('commands')
  @HttpCode(HttpStatus.OK)
  command(@VerifiedBody(FORM_MEDIA_TYPE) body: Buffer): Promise<MattermostResponse> {
    return this.service.command(parseMattermostCommand(body));
  }
}
