import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';

import { SignedByPlatform } from '../../common/access.decorator';
import { JSON_MEDIA_TYPE, VerifiedBody } from '../security/raw-body';
import { TeamsService } from './teams.service';
import { parseTeamsActivity } from './teams-activity';
import { type TeamsMessageActivity } from './teams-message';
import { TeamsSignatureGuard } from './teams-signature.guard';

@Controller('api/v1/chatops/teams')
@SignedByPlatform()
@UseGuards(TeamsSignatureGuard)
export class TeamsController {
  constructor(private readonly service: TeamsService) {}

  /** The outgoing webhook's callback URL: answers with a message activity. */
  @Post('messages')
  @HttpCode(HttpStatus.OK)
  message(@VerifiedBody(JSON_MEDIA_TYPE) body: Buffer): Promise<TeamsMessageActivity> {
    return this.service.message(parseTeamsActivity(body));
  }
}
