import { parseArgs } from 'node:util';

import { DataSource } from 'typeorm';

import { ApiKeyGenerator } from '../api-keys/api-key-secret';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { CreateApiKeyDto } from '../api-keys/create-api-key.dto';
import { Clock } from '../common/clock';
import { IdGenerator } from '../common/id-generator';
import { RequestValidationException } from '../common/request-validation.exception';
import { createValidationPipe } from '../common/validation';
import { ConfigValidationError, type Environment, loadAppConfig } from '../config/app-config';
import { findPackageRoot } from '../config/package-root';
import { buildDataSourceOptions } from '../database/data-source-options';
import { ApiKeyRepository } from '../database/repositories/api-key.repository';
import { migrateUnderLock } from '../database/schema-lock';

export const CREATE_ADMIN_KEY_USAGE = `Usage: npm run create-admin-key -- --name NAME
       node dist/src/cli/create-admin-key.js --name NAME

Creates an admin API key in the database the server uses (DATABASE_URL, DATABASE_SCHEMA), running
pending migrations first. The key is printed once, alone on standard output, e.g.
  KEY=$(node dist/src/cli/create-admin-key.js --name ops)
Only its SHA-256 is stored: a lost key cannot be shown again; create another and revoke it
with DELETE /api/v1/admin/api-keys/{id}.

Options:
  --name NAME   who holds the key, e.g. "ops" (required)
  -h, --help    this text
`;

export interface CreateAdminKeyIo {
  argv: string[];
  env: Environment;
  cwd: string;
  /** Standard output: the key, and nothing else. */
  write: (text: string) => void;
  writeError: (text: string) => void;
}

class UsageError extends Error {}

/** Exit codes: 0 created, 2 usage or configuration error, 1 anything else (database…). */
export async function runCreateAdminKey(io: CreateAdminKeyIo): Promise<number> {
  let name: string;
  try {
    const parsed = parseArgs({
      args: io.argv,
      options: { name: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
    if (parsed.values.help) {
      io.write(CREATE_ADMIN_KEY_USAGE);
      return 0;
    }
    name = await validName(parsed.values.name);
  } catch (error) {
    io.writeError(`create-admin-key: ${(error as Error).message}\n\n${CREATE_ADMIN_KEY_USAGE}`);
    return 2;
  }

  let dataSource: DataSource | undefined;
  try {
    const config = loadAppConfig(io.env, { cwd: io.cwd, packageRoot: findPackageRoot(__dirname) });
    // Quiet: standard output carries the key only.
    dataSource = new DataSource({ ...buildDataSourceOptions(config.database), logging: false });
    await dataSource.initialize();
    await migrateUnderLock(dataSource);
    const keys = new ApiKeysService(
      new ApiKeyRepository(dataSource),
      new ApiKeyGenerator(),
      new Clock(),
      new IdGenerator(),
    );
    const created = await keys.create({ name, scope: 'admin' });
    io.writeError(
      `Created the admin API key "${created.name}" (id ${created.id}, ${created.prefix}…).\n` +
        'It is shown once, below: store it now. Send it as "Authorization: Bearer <key>".\n',
    );
    io.write(`${created.key}\n`);
    return 0;
  } catch (error) {
    io.writeError(
      error instanceof ConfigValidationError
        ? `create-admin-key: ${error.message}\n`
        : `create-admin-key: could not create the key: ${(error as Error).message}\n`,
    );
    return error instanceof ConfigValidationError ? 2 : 1;
  } finally {
    await dataSource?.destroy().catch(() => undefined);
  }
}

/** The same rules as POST /api/v1/admin/api-keys. */
async function validName(name: string | undefined): Promise<string> {
  if (name === undefined) throw new UsageError('--name is required');
  try {
    const dto = (await createValidationPipe().transform(
      { name, scope: 'admin' },
      { type: 'body', metatype: CreateApiKeyDto },
    )) as CreateApiKeyDto;
    return dto.name;
  } catch (error) {
    if (error instanceof RequestValidationException) {
      throw new UsageError(error.errors.map((fieldError) => fieldError.message).join('; '));
    }
    throw error;
  }
}

export function main(): void {
  void runCreateAdminKey({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    write: (text) => process.stdout.write(text),
    writeError: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
