import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'yaml';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

interface HealthCheck {
  test: string[] | string;
  interval?: string;
}
interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: HealthCheck;
  volumes?: string[];
  ports?: string[];
  stop_grace_period?: string;
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(read('docker-compose.yml')) as Compose;
const REPLICAS = ['kubetriage-1', 'kubetriage-2'];
const testOf = (service: ComposeService) => [service.healthcheck?.test ?? []].flat().join(' ');

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, two replicas and a reverse proxy', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['kubetriage-1', 'kubetriage-2', 'postgres', 'proxy', 'redis'].sort(),
    );
  });

  it('keeps PostgreSQL on a named volume, healthy once it accepts connections', () => {
    const postgres = compose.services.postgres;
    expect(testOf(postgres)).toContain('pg_isready');
    const [volume, target] = (postgres.volumes ?? [])[0].split(':');
    expect(target).toBe('/var/lib/postgresql/data');
    expect(compose.volumes).toHaveProperty(volume);
    // The password comes from the environment, never from the file.
    expect(postgres.environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('checks Redis', () => {
    expect(testOf(compose.services.redis)).toContain('redis-cli ping');
  });

  it.each(REPLICAS)(
    'gives %s the database, Redis, required API keys and a /readyz check',
    (name) => {
      const replica = compose.services[name];
      const env = replica.environment ?? {};
      const database = new URL(env.DATABASE_URL.replace(/\$\{[^}]+\}/, 'secret'));
      expect(database.protocol).toBe('postgres:');
      expect(database.hostname).toBe('postgres');
      expect(new URL(env.REDIS_URL).hostname).toBe('redis');
      expect(env.API_AUTH).toBe('required');
      expect(env.TRUST_PROXY).toBeDefined();
      expect(testOf(replica)).toContain('/readyz');
      expect(replica.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
      expect(replica.build).toBe('.');
      // More than SHUTDOWN_TIMEOUT_MS, so a stopping replica finishes its requests first.
      expect(parseInt(replica.stop_grace_period ?? '10s', 10) * 1000).toBeGreaterThan(
        Number(env.SHUTDOWN_TIMEOUT_MS),
      );
    },
  );

  it('puts the proxy in front of both healthy replicas with its configuration from the repository', () => {
    const proxy = compose.services.proxy;
    expect(proxy.depends_on).toEqual({
      'kubetriage-1': { condition: 'service_healthy' },
      'kubetriage-2': { condition: 'service_healthy' },
    });
    expect(proxy.healthcheck).toBeDefined();
    const [source, target] = (proxy.volumes ?? [])[0].split(':');
    expect(target).toBe('/etc/nginx/nginx.conf');
    expect(existsSync(join(ROOT, source))).toBe(true);

    const nginx = read(source);
    for (const replica of REPLICAS) {
      expect(nginx).toMatch(new RegExp(`server ${replica}:3000\\b`));
    }
    expect(nginx).toMatch(/proxy_set_header X-Request-Id /);
    expect(nginx).toMatch(/location = \/metrics \{\s*return 404;/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^(?=FROM )/m).filter((stage) => stage.startsWith('FROM '));
  const [build, runtime] = stages;

  it('builds on node:20-bookworm-slim in a build stage and a runtime stage', () => {
    expect(stages.map((stage) => stage.split('\n')[0])).toEqual([
      'FROM node:20-bookworm-slim AS build',
      'FROM node:20-bookworm-slim AS runtime',
    ]);
  });

  it('compiles the native modules with python3, make and g++ in the build stage only', () => {
    expect(build).toMatch(/apt-get install[^\n]*python3 make g\+\+/);
    expect(build).toMatch(/npm rebuild better-sqlite3 re2/);
    expect(build).toMatch(/tsc -p tsconfig\.build\.json/);
    expect(runtime).not.toMatch(/g\+\+|python3/);
  });

  it('runs the built service as a non-root user with a health check', () => {
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/readyz/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
    // tsconfig.build.json compiles src/ into dist/src/: the command names a file the build makes.
    const buildConfig = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    expect(buildConfig.include).toContain('src');
    expect(existsSync(join(ROOT, 'src', 'main.ts'))).toBe(true);
  });

  it('copies only files that exist in the repository', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((match) =>
      match[1].trim().split(/\s+/).slice(0, -1),
    );
    expect(copied).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'src',
        'migrations',
        'patterns',
      ]),
    );
    for (const path of copied) {
      expect(existsSync(join(ROOT, path))).toBe(true);
    }
  });

  it('keeps local state and dependencies out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', 'data', '.git', '.env']),
    );
  });
});
