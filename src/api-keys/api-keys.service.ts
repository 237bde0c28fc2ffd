import { Injectable } from '@nestjs/common';

import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import { type Principal } from '../common/principal';
import {
  type ApiKeyRecord,
  ApiKeyRepository,
  type ApiKeyScope,
} from '../database/repositories/api-key.repository';
import { ApiKeyException, ApiKeyExceptionCode } from './api-key.exception';
import { type ApiKeyResponse, type CreatedApiKeyResponse, mapApiKey } from './api-key.mapper';
import { API_KEY_PATTERN, ApiKeyGenerator, hashApiKey, shownPrefixOf } from './api-key-secret';

export interface NewApiKey {
  name: string;
  scope: ApiKeyScope;
}

/** Issues, lists, revokes and checks API keys; only their hashes are ever stored. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly generator: ApiKeyGenerator,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** A new key; the answer is the only place the key itself ever appears. */
  async create(request: NewApiKey): Promise<CreatedApiKeyResponse> {
    const key = this.generator.generate();
    const record: ApiKeyRecord = {
      id: this.ids.uuid(),
      name: request.name.trim(),
      scope: request.scope,
      keyHash: hashApiKey(key),
      keyPrefix: shownPrefixOf(key),
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    await this.keys.create(record);
    return { ...mapApiKey(record), key };
  }

  async list(): Promise<ApiKeyResponse[]> {
    return (await this.keys.findAll()).map(mapApiKey);
  }

  async get(id: string): Promise<ApiKeyResponse> {
    const record = await this.keys.findById(id);
    if (!record) throw notFound(id);
    return mapApiKey(record);
  }

  /** Revoked at once for every replica (each request looks its key up); revoking twice is fine. */
  async revoke(id: string): Promise<void> {
    const record = await this.keys.findById(id);
    if (!record) throw notFound(id);
    await this.keys.revoke(id, this.clock.now());
  }

  /** The caller a presented key stands for; null when it is unknown, revoked or malformed. */
  async authenticate(key: string): Promise<Principal | null> {
    if (!API_KEY_PATTERN.test(key)) return null;
    const record = await this.keys.findActiveByHash(hashApiKey(key));
    return record
      ? { kind: 'api-key', keyId: record.id, name: record.name, scope: record.scope }
      : null;
  }

  async hasActiveAdminKey(): Promise<boolean> {
    return (await this.keys.countActiveByScope('admin')) > 0;
  }
}

function notFound(id: string): ApiKeyException {
  return new ApiKeyException(`No API key has the id ${id}.`, ApiKeyExceptionCode.API_KEY_NOT_FOUND);
}
