import { isAbsolute, resolve } from 'node:path';

import { registerAs } from '@nestjs/config';

import { findPackageRoot } from './package-root';

export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string; schema?: string };

/** Every setting of the service, read once from the environment at start-up. */
export interface AppConfig {
  /** `PORT`, default 3000. */
  port: number;
  /** `HOST`, default 0.0.0.0. */
  host: string;
  /**
   * `DATABASE_URL`: unset → SQLite file `./data/kubetriage.sqlite` (relative to the working
   * directory, created with its folder); `sqlite:<path>` → that SQLite file;
   * `postgres://…` or `postgresql://…` → PostgreSQL. `DATABASE_SCHEMA` picks a PostgreSQL schema.
   */
  database: DatabaseConfig;
  /** `BODY_LIMIT` in bytes (`16mb` by default; accepts `b`, `kb`, `mb`, `gb` or plain bytes). */
  bodyLimitBytes: number;
  /** `PATTERNS_DIR`, default `patterns/` of the package (not of the working directory). */
  patternsDir: string;
  /** `LOG_LEVEL`: the lowest level written (`verbose`…`fatal`), default `log`. */
  logLevel: LogLevelName;
}

export type Environment = Readonly<Record<string, string | undefined>>;

export interface ConfigDefaults {
  /** Base of relative SQLite paths. */
  cwd: string;
  /** Base of a relative or default PATTERNS_DIR. */
  packageRoot: string;
}

/** Thrown at start-up when the environment holds invalid settings; lists every problem. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

const DEFAULT_SQLITE_PATH = 'data/kubetriage.sqlite';
const DEFAULT_BODY_LIMIT = '16mb';
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Validates the environment into one typed object; pure, so it is tested without a process. */
export function loadAppConfig(env: Environment, defaults: ConfigDefaults): AppConfig {
  const problems: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };

  const port = parsePort(value('PORT'), problems);
  const host = value('HOST') ?? '0.0.0.0';
  const database = parseDatabase(value('DATABASE_URL'), value('DATABASE_SCHEMA'), defaults, problems);
  const bodyLimitBytes = parseByteSize(value('BODY_LIMIT') ?? DEFAULT_BODY_LIMIT, problems);
  const patternsDir = resolve(defaults.packageRoot, value('PATTERNS_DIR') ?? 'patterns');
  const logLevel = parseLogLevel(value('LOG_LEVEL'), problems);

  if (problems.length > 0) {
    throw new ConfigValidationError(problems);
  }
  return { port, host, database, bodyLimitBytes, patternsDir, logLevel };
}

/** The one place that reads `process.env`. */
export function readAppConfigFromEnv(): AppConfig {
  return loadAppConfig(process.env, { cwd: process.cwd(), packageRoot: findPackageRoot() });
}

/** Nest provider of the configuration: inject with `@Inject(appConfig.KEY) config: AppConfig`. */
export const appConfig = registerAs('app', readAppConfigFromEnv);

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return 3000;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseDatabase(
  url: string | undefined,
  schema: string | undefined,
  defaults: ConfigDefaults,
  problems: string[],
): DatabaseConfig {
  if (url === undefined) {
    return { type: 'sqlite', path: resolve(defaults.cwd, DEFAULT_SQLITE_PATH) };
  }
  if (/^postgres(?:ql)?:\/\//i.test(url)) {
    if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      problems.push(`DATABASE_SCHEMA must be a plain PostgreSQL identifier, got "${schema}"`);
    }
    return { type: 'postgres', url, ...(schema === undefined ? {} : { schema }) };
  }
  const sqlite = /^sqlite:(.+)$/i.exec(url);
  if (sqlite) {
    const path = sqlite[1];
    return { type: 'sqlite', path: isAbsolute(path) ? path : resolve(defaults.cwd, path) };
  }
  problems.push(
    'DATABASE_URL must start with postgres:// or postgresql:// (PostgreSQL) or sqlite: (a SQLite ' +
      'file path); leave it unset for ./data/kubetriage.sqlite',
  );
  return { type: 'sqlite', path: '' };
}

/** `16mb`, `512kb`, `1048576`: 1 kb = 1024 bytes, as Express body parsers count. */
export function parseByteSize(raw: string, problems: string[]): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw);
  const bytes = match ? Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1) {
    problems.push(`BODY_LIMIT must be a size such as 16mb, 512kb or 1048576, got "${raw}"`);
  }
  return bytes;
}

function parseLogLevel(raw: string | undefined, problems: string[]): LogLevelName {
  if (raw === undefined) return 'log';
  const level = LOG_LEVELS.find((name) => name === raw.toLowerCase());
  if (!level) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
    return 'log';
  }
  return level;
}

/** The level and every more severe one, as Nest's logger wants them. */
export function logLevelsFrom(level: LogLevelName): LogLevelName[] {
  return LOG_LEVELS.slice(LOG_LEVELS.indexOf(level));
}
