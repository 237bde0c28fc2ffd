import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';

import { RequireScope } from '../common/access.decorator';
import { JsonBody } from '../common/json-body.interceptor';
import { Location } from '../common/location.interceptor';
import { type ApiKeyResponse, type CreatedApiKeyResponse } from './api-key.mapper';
import { ApiKeyIdPipe } from './api-key-id.pipe';
import { ApiKeysService } from './api-keys.service';
import { CreateApiKeyDto } from './create-api-key.dto';

@Controller('api/v1/admin/api-keys')
@RequireScope('admin')
export class ApiKeysController {
  constructor(private readonly service: ApiKeysService) {}

  /** `{ name, scope }` → the new key, shown this once. */
  @Post()
  @JsonBody()
  @Location((created: CreatedApiKeyResponse) => `/api/v1/admin/api-keys/${created.id}`)
  create(@Body() request: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    return this.service.create(request);
  }

  @Get()
  list(): Promise<ApiKeyResponse[]> {
    return this.service.list();
  }

  @Get(':id')
  get(@Param('id', ApiKeyIdPipe) id: string): Promise<ApiKeyResponse> {
    return this.service.get(id);
  }

  /** Revokes the key: it stops working at once; the analyses it created keep it as owner. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  revoke(@Param('id', ApiKeyIdPipe) id: string): Promise<void> {
    return this.service.revoke(id);
  }
}
