import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { type CreateAdminKeyIo, runCreateAdminKey } from '../src/cli/create-admin-key';
import {
  type Backend,
  backendsUnderTest,
  createPostgresSchema,
  createTestApp,
  dropPostgresSchema,
} from './support/test-app';

const ROOT = join(__dirname, '..');
const KEY_LINE = /^kt_[A-Za-z0-9_-]{43}\n$/;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function createAdminKey(argv: string[], env: Record<string, string>): Promise<Run> {
  let out = '';
  let err = '';
  const io: CreateAdminKeyIo = {
    argv,
    env,
    cwd: tmpdir(),
    write: (text) => {
      out += text;
    },
    writeError: (text) => {
      err += text;
    },
  };
  const code = await runCreateAdminKey(io);
  return { code, out, err };
}

describe.each(backendsUnderTest())('create-admin-key on %s', (backend: Backend) => {
  let workDir: string;
  let env: Record<string, string>;
  let schema: string | undefined;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'kubetriage-admin-key-'));
    if (backend === 'postgres') {
      schema = await createPostgresSchema();
      env = { DATABASE_URL: process.env.DATABASE_URL ?? '', DATABASE_SCHEMA: schema };
    } else {
      env = { DATABASE_URL: `sqlite:${join(workDir, 'kubetriage.sqlite')}` };
    }
  });

  afterAll(async () => {
    if (schema) await dropPostgresSchema(schema);
    await rm(workDir, { recursive: true, force: true });
  });

  it('migrates a fresh database, prints the key alone and once, and the server accepts it', async () => {
    const run = await createAdminKey(['--name', 'ops'], env);

    expect(run.code).toBe(0);
    expect(run.out).toMatch(KEY_LINE);
    expect(run.err).toContain('Created the admin API key "ops"');
    expect(run.err).not.toContain(run.out.trim());
    const key = run.out.trim();

    const sut = await createTestApp({
      backend,
      env: { API_AUTH: 'required' },
      ...(backend === 'postgres'
        ? { postgresSchema: schema }
        : { sqlitePath: join(workDir, 'kubetriage.sqlite') }),
    });
    try {
      const http = sut.app.getHttpServer() as Server;
      const listed = await request(http)
        .get('/api/v1/admin/api-keys')
        .set('Authorization', `Bearer ${key}`)
        .expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ name: 'ops', scope: 'admin', revokedAt: null }),
      ]);
      const rows = await sut.dataSource
        .createQueryBuilder()
        .select('*')
        .from('api_key', 'api_key')
        .getRawMany<Record<string, unknown>>();
      expect(rows[0].key_hash).toBe(createHash('sha256').update(key).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(key);
    } finally {
      await sut.close();
    }
  });

  it.each([
    ['no --name', [], /--name is required/],
    ['a blank name', ['--name', '   '], /name must be a non-blank line of text/],
    ['an unknown option', ['--name', 'ops', '--scope', 'triage'], /Unknown option '--scope'/],
  ])('refuses %s with exit code 2 and the usage', async (_name, argv, message) => {
    const run = await createAdminKey(argv, env);

    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(message);
    expect(run.err).toContain('Usage: npm run create-admin-key -- --name NAME');
  });
});

describe('create-admin-key as a command', () => {
  it('refuses a bad DATABASE_URL with exit code 2', async () => {
    const run = await createAdminKey(['--name', 'ops'], { DATABASE_URL: 'mysql://db/kt' });

    expect(run).toMatchObject({ code: 2, out: '' });
    expect(run.err).toMatch(/DATABASE_URL must start with postgres:\/\//);
  });

  it('runs as a process, writing only the key to standard output', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'kubetriage-admin-key-'));
    try {
      const result = spawnSync(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          join(ROOT, 'src', 'cli', 'create-admin-key.ts'),
          '--name',
          'ops',
        ],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
          env: { PATH: process.env.PATH, DATABASE_URL: `sqlite:${join(workDir, 'kt.sqlite')}` },
        },
      );

      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(KEY_LINE);
      expect(result.stderr).toContain('It is shown once');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }, 60_000);
});
