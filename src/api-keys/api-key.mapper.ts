import { type ApiKeyRecord, type ApiKeyScope } from '../database/repositories/api-key.repository';

/** A key as listed: never its hash, never the key. */
export interface ApiKeyResponse {
  id: string;
  name: string;
  scope: ApiKeyScope;
  /** The first characters of the key, to recognise it. */
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** The answer to a creation: the only time the key itself is shown. */
export interface CreatedApiKeyResponse extends ApiKeyResponse {
  key: string;
}

export function mapApiKey(record: ApiKeyRecord): ApiKeyResponse {
  return {
    id: record.id,
    name: record.name,
    scope: record.scope,
    prefix: record.keyPrefix,
    createdAt: record.createdAt.toISOString(),
    revokedAt: record.revokedAt?.toISOString() ?? null,
  };
}
