import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';

import { ApiKeyEntity } from '../entities/api-key.entity';

export type ApiKeyScope = 'triage' | 'admin';

/** An API key as the services see it (never the key itself: only its hash is stored). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  scope: ApiKeyScope;
  keyHash: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(record: ApiKeyRecord): Promise<void> {
    await this.dataSource.getRepository(ApiKeyEntity).insert({ ...record });
  }

  /** The key with this hash, unless it was revoked. */
  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    const entity = await this.dataSource
      .getRepository(ApiKeyEntity)
      .findOneBy({ keyHash, revokedAt: IsNull() });
    return entity ? toRecord(entity) : null;
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const entity = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
    return entity ? toRecord(entity) : null;
  }

  /** Every key, revoked ones included, newest first. */
  async findAll(): Promise<ApiKeyRecord[]> {
    const entities = await this.dataSource
      .getRepository(ApiKeyEntity)
      .find({ order: { createdAt: 'DESC', id: 'ASC' } });
    return entities.map(toRecord);
  }

  async countActiveByScope(scope: ApiKeyScope): Promise<number> {
    return this.dataSource.getRepository(ApiKeyEntity).countBy({ scope, revokedAt: IsNull() });
  }

  /** Marks the key revoked; a key revoked before keeps its first revocation time. */
  async revoke(id: string, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(ApiKeyEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }
}

function toRecord(entity: ApiKeyEntity): ApiKeyRecord {
  return {
    id: entity.id,
    name: entity.name,
    scope: entity.scope === 'admin' ? 'admin' : 'triage',
    keyHash: entity.keyHash,
    keyPrefix: entity.keyPrefix,
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt,
  };
}
