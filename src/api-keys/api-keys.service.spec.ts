import { type Clock } from '../common/clock';
import { type IdGenerator } from '../common/id-generator';
import {
  type ApiKeyRecord,
  type ApiKeyRepository,
} from '../database/repositories/api-key.repository';
import { ApiKeyExceptionCode } from './api-key.exception';
import { type ApiKeyGenerator, hashApiKey } from './api-key-secret';
import { ApiKeysService } from './api-keys.service';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const ID = '4f0a6c3e-8d1b-4b9a-9d2e-5c7f1a3b6e90';
const KEY = `kt_${'Q'.repeat(43)}`;

/** An in-memory repository with the real one's semantics. */
class FakeApiKeyRepository {
  readonly rows: ApiKeyRecord[] = [];

  async create(record: ApiKeyRecord): Promise<void> {
    this.rows.push({ ...record });
  }

  async findActiveByHash(keyHash: string): Promise<ApiKeyRecord | null> {
    return this.rows.find((row) => row.keyHash === keyHash && row.revokedAt === null) ?? null;
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    return this.rows.find((row) => row.id === id) ?? null;
  }

  async findAll(): Promise<ApiKeyRecord[]> {
    return [...this.rows];
  }

  async countActiveByScope(scope: string): Promise<number> {
    return this.rows.filter((row) => row.scope === scope && row.revokedAt === null).length;
  }

  async revoke(id: string, now: Date): Promise<void> {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row && row.revokedAt === null) row.revokedAt = now;
  }
}

describe(ApiKeysService.name, () => {
  let repository: FakeApiKeyRepository;
  let sut: ApiKeysService;

  beforeEach(() => {
    repository = new FakeApiKeyRepository();
    sut = new ApiKeysService(
      repository as unknown as ApiKeyRepository,
      { generate: () => KEY } as ApiKeyGenerator,
      { now: () => NOW } as Clock,
      { uuid: () => ID } as IdGenerator,
    );
  });

  it('shows a new key once and stores only its hash', async () => {
    const created = await sut.create({ name: '  support portal ', scope: 'triage' });

    expect(created).toEqual({
      id: ID,
      name: 'support portal',
      scope: 'triage',
      prefix: 'kt_QQQQQQ',
      createdAt: NOW.toISOString(),
      revokedAt: null,
      key: KEY,
    });
    expect(repository.rows[0].keyHash).toBe(hashApiKey(KEY));
    expect(JSON.stringify(repository.rows)).not.toContain(KEY);
    await expect(sut.list()).resolves.toEqual([expect.not.objectContaining({ key: KEY })]);
  });

  it('authenticates a key as its principal', async () => {
    await sut.create({ name: 'ops', scope: 'admin' });

    await expect(sut.authenticate(KEY)).resolves.toEqual({
      kind: 'api-key',
      keyId: ID,
      name: 'ops',
      scope: 'admin',
    });
    await expect(sut.hasActiveAdminKey()).resolves.toBe(true);
  });

  it.each([
    ['an unknown key', `kt_${'Z'.repeat(43)}`],
    ['a string that is not a key', 'password'],
  ])('does not authenticate %s', async (_name, key) => {
    await sut.create({ name: 'ops', scope: 'admin' });

    await expect(sut.authenticate(key)).resolves.toBeNull();
  });

  it('stops authenticating a revoked key, and revoking twice keeps the first time', async () => {
    await sut.create({ name: 'ops', scope: 'admin' });

    await sut.revoke(ID);
    await sut.revoke(ID);

    await expect(sut.authenticate(KEY)).resolves.toBeNull();
    await expect(sut.get(ID)).resolves.toMatchObject({ revokedAt: NOW.toISOString() });
    await expect(sut.hasActiveAdminKey()).resolves.toBe(false);
  });

  it('answers API_KEY_NOT_FOUND for an unknown id', async () => {
    await expect(sut.revoke(ID)).rejects.toMatchObject({
      code: ApiKeyExceptionCode.API_KEY_NOT_FOUND,
    });
    await expect(sut.get(ID)).rejects.toMatchObject({
      code: ApiKeyExceptionCode.API_KEY_NOT_FOUND,
    });
  });
});
