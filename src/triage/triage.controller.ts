import { Controller, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';

import { type AnalysisResponse } from '../analyses/analysis.mapper';
import { RequireScope } from '../common/access.decorator';
import { Location } from '../common/location.interceptor';
import { CurrentPrincipal, ownerKeyIdOf, type Principal } from '../common/principal';
import { AnalysisSchema, ProblemSchema } from '../openapi/openapi.schemas';
import { EXAMPLE_PASTE } from '../openapi/set-up-openapi';
import { TriageService } from './triage.service';
import { type TriageRequest, TriageRequestDto } from './triage-request.dto';
import { TriageBody, TriageRequestPipe } from './triage-request.pipe';

@ApiTags('triage')
@ApiExtraModels(TriageRequestDto)
@ApiBearerAuth()
@Controller('api/v1/triage')
@RequireScope('triage')
export class TriageController {
  constructor(private readonly service: TriageService) {}

  /**
   * `application/json` ({ text, context?, source? }) or `text/plain` (the paste itself). 201 with
   * a Location; 200 with `stored: false` and no Location while the database is unavailable.
   */
  @Post()
  @ApiOperation({
    summary: 'Rank the known root causes of a pasted log or symptom description',
    description:
      'JSON ({ text, context?, source? }) or the raw paste as text/plain (curl --data-binary @node.log).',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(TriageRequestDto) },
        { type: 'string', description: 'the raw paste' },
      ],
    },
    examples: {
      'calico-node log': {
        value: {
          text: EXAMPLE_PASTE,
          context: { kubernetes: '1.28.6', components: { calico: '3.27.3' } },
          source: 'support-portal',
        },
      },
      'symptom description': { value: { text: '跨节点 Pod 无法 ping 通,同节点正常' } },
    },
  })
  @ApiCreatedResponse({
    type: AnalysisSchema,
    description: 'Stored; Location: /api/v1/analyses/{id}.',
  })
  @ApiOkResponse({
    type: AnalysisSchema,
    description: 'Answered but not stored (database unavailable).',
  })
  @ApiResponse({
    status: 400,
    type: ProblemSchema,
    description: 'Empty text, invalid JSON, unknown fields.',
  })
  @ApiResponse({ status: 413, type: ProblemSchema, description: 'Body over BODY_LIMIT.' })
  @ApiResponse({ status: 415, type: ProblemSchema, description: 'Neither JSON nor text/plain.' })
  @Location((analysis: AnalysisResponse) =>
    analysis.stored ? `/api/v1/analyses/${analysis.id}` : undefined,
  )
  triage(
    @TriageBody(TriageRequestPipe) request: TriageRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AnalysisResponse> {
    return this.service.triage(request, ownerKeyIdOf(principal));
  }
}
