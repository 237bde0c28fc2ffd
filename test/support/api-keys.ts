import { ApiKeysService } from '../../src/api-keys/api-keys.service';
import { type ApiKeyScope } from '../../src/database/repositories/api-key.repository';
import { type TestApp } from './test-app';

export interface IssuedKey {
  id: string;
  key: string;
  bearer: { Authorization: string };
}

/** A key issued by the running app's own service (as the admin endpoint or the CLI would). */
export async function issueKey(
  sut: TestApp,
  scope: ApiKeyScope,
  name = `${scope}-e2e`,
): Promise<IssuedKey> {
  const created = await sut.app.get(ApiKeysService).create({ name, scope });
  return { id: created.id, key: created.key, bearer: { Authorization: `Bearer ${created.key}` } };
}
