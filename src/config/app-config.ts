import { isAbsolute, resolve } from 'node:path';

import { registerAs } from '@nestjs/config';

import { findPackageRoot } from './package-root';
import { parseSecurityConfig, type SecurityConfig } from './security-config';

export const LOG_LEVELS = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  { type: 'sqlite'; path: string } | { type: 'postgres'; url: string; schema?: string };

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
  /** `PUBLIC_URL`: the address people open, for links in chat replies; default http://localhost:3000. */
  publicUrl: string;
  chatops: ChatopsConfig;
  /** API keys, rate limits, CORS and proxies: see security-config.ts. */
  security: SecurityConfig;
  /**
   * `TRIAGE_TIMEOUT_MS`, default 10000: a triage still scanning after this long ranks what it
   * found so far and the answer is marked partial.
   */
  triageTimeoutMs: number;
  /**
   * `WORKER_THRESHOLD`, default `1mb`: pastes at least this large are matched on a worker
   * thread, so the event loop keeps serving other requests.
   */
  workerThresholdBytes: number;
  /** `WORKER_THREADS`, default 2 (at most the number of CPUs): worker threads for large pastes. */
  workerThreads: number;
  /**
   * `DATABASE_TIMEOUT_MS`, default 5000: how long a statement waits for the database (SQLite's
   * busy timeout, PostgreSQL's connect timeout) before the database counts as unavailable.
   */
  databaseTimeoutMs: number;
  /**
   * `SHUTDOWN_TIMEOUT_MS`, default 10000: after SIGTERM/SIGINT, in-flight requests get this long
   * to finish before the process exits anyway (with code 1).
   */
  shutdownTimeoutMs: number;
}

/** Who sees a chat reply: only the person who ran the command, or the whole channel. */
export type ChatResponseType = 'ephemeral' | 'in_channel';

/**
 * The chat integrations (src/chatops). Each platform stays off, answering 503, until its secret is
 * set: a request is never accepted unsigned.
 */
export interface ChatopsConfig {
  /** `SLACK_SIGNING_SECRET`: the app's signing secret (Basic Information → App Credentials). */
  slackSigningSecret?: string;
  /**
   * `CHATOPS_RESPONSE_TYPE` for Slack and Mattermost replies, default `ephemeral` (only the person
   * who ran the command sees it): with `in_channel`, Slack also shows the channel the command with
   * its raw, unredacted paste. Help and errors are always ephemeral.
   */
  responseType: ChatResponseType;
  /**
   * `SLACK_DEFER_BYTES`, default `64kb`: a larger paste is acknowledged at once ("analysing…") and
   * its result posted to the command's response_url, as Slack wants an answer within 3 seconds.
   */
  slackDeferBytes: number;
  /**
   * `SLACK_DEFER_AFTER_MS`, default 2000 (0–2900): a triage still running after this long is
   * acknowledged the same way and finished in the background.
   */
  slackDeferAfterMs: number;
  /**
   * `SLACK_RESPONSE_URL_ORIGINS`: comma-separated origins a response_url may point to, default
   * `https://hooks.slack.com,https://hooks.slack-gov.com`; results are never posted elsewhere.
   */
  slackResponseUrlOrigins: string[];
  /** `MATTERMOST_TOKEN`: the token Mattermost shows for the slash command. */
  mattermostToken?: string;
  /** `TEAMS_SECURITY_TOKEN`: the base64 security token Teams shows for the outgoing webhook. */
  teamsSecurityToken?: string;
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
  const database = parseDatabase(
    value('DATABASE_URL'),
    value('DATABASE_SCHEMA'),
    defaults,
    problems,
  );
  const bodyLimitBytes = parseByteSize(value('BODY_LIMIT') ?? DEFAULT_BODY_LIMIT, problems);
  const patternsDir = resolve(defaults.packageRoot, value('PATTERNS_DIR') ?? 'patterns');
  const logLevel = parseLogLevel(value('LOG_LEVEL'), problems);
  const publicUrl = parsePublicUrl(value('PUBLIC_URL'), problems);
  const chatops = parseChatops(value, problems);
  const security = parseSecurityConfig(value, problems);
  const triageTimeoutMs = parseWholeNumber(
    'TRIAGE_TIMEOUT_MS',
    value('TRIAGE_TIMEOUT_MS'),
    10_000,
    1,
    600_000,
    problems,
  );
  const workerThresholdBytes = parseByteSize(
    value('WORKER_THRESHOLD') ?? '1mb',
    problems,
    'WORKER_THRESHOLD',
  );
  const workerThreads = parseWholeNumber(
    'WORKER_THREADS',
    value('WORKER_THREADS'),
    2,
    1,
    64,
    problems,
  );
  const databaseTimeoutMs = parseWholeNumber(
    'DATABASE_TIMEOUT_MS',
    value('DATABASE_TIMEOUT_MS'),
    5000,
    1,
    600_000,
    problems,
  );
  const shutdownTimeoutMs = parseWholeNumber(
    'SHUTDOWN_TIMEOUT_MS',
    value('SHUTDOWN_TIMEOUT_MS'),
    10_000,
    1,
    600_000,
    problems,
  );

  if (problems.length > 0) {
    throw new ConfigValidationError(problems);
  }
  return {
    port,
    host,
    database,
    bodyLimitBytes,
    patternsDir,
    logLevel,
    publicUrl,
    chatops,
    triageTimeoutMs,
    workerThresholdBytes,
    workerThreads,
    security,
    databaseTimeoutMs,
    shutdownTimeoutMs,
  };
}

let fromEnv: AppConfig | undefined;

/** The one place that reads `process.env`: once per process, then the same object. */
export function readAppConfigFromEnv(): AppConfig {
  fromEnv ??= loadAppConfig(process.env, { cwd: process.cwd(), packageRoot: findPackageRoot() });
  return fromEnv;
}

/** Nest provider of the configuration: inject with `@Inject(appConfig.KEY) config: AppConfig`. */
export const appConfig = registerAs('app', readAppConfigFromEnv);

function parseWholeNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  minimum: number,
  maximum: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < minimum || parsed > maximum) {
    problems.push(`${name} must be a whole number from ${minimum} to ${maximum}, got "${raw}"`);
    return fallback;
  }
  return parsed;
}

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
export function parseByteSize(raw: string, problems: string[], name = 'BODY_LIMIT'): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw);
  const bytes = match ? Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]) : NaN;
  if (!Number.isFinite(bytes) || bytes < 1) {
    problems.push(`${name} must be a size such as 16mb, 512kb or 1048576, got "${raw}"`);
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

function parsePublicUrl(raw: string | undefined, problems: string[]): string {
  if (raw === undefined) return 'http://localhost:3000';
  if (!isHttpUrl(raw)) {
    problems.push(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

const CHAT_RESPONSE_TYPES: readonly ChatResponseType[] = ['ephemeral', 'in_channel'];
const DEFAULT_SLACK_RESPONSE_URL_ORIGINS = 'https://hooks.slack.com,https://hooks.slack-gov.com';
/** Slack waits 3 s for a slash command's answer. */
const MAX_SLACK_DEFER_AFTER_MS = 2900;

function parseChatops(
  value: (name: string) => string | undefined,
  problems: string[],
): ChatopsConfig {
  const responseTypeRaw = value('CHATOPS_RESPONSE_TYPE') ?? 'ephemeral';
  const responseType = CHAT_RESPONSE_TYPES.find((type) => type === responseTypeRaw.toLowerCase());
  if (!responseType) {
    problems.push(
      `CHATOPS_RESPONSE_TYPE must be ephemeral or in_channel, got "${responseTypeRaw}"`,
    );
  }

  const deferAfterRaw = value('SLACK_DEFER_AFTER_MS');
  const slackDeferAfterMs = deferAfterRaw === undefined ? 2000 : Number(deferAfterRaw);
  if (
    deferAfterRaw !== undefined &&
    (!/^\d+$/.test(deferAfterRaw) || slackDeferAfterMs > MAX_SLACK_DEFER_AFTER_MS)
  ) {
    problems.push(
      `SLACK_DEFER_AFTER_MS must be an integer from 0 to ${MAX_SLACK_DEFER_AFTER_MS}, got "${deferAfterRaw}"`,
    );
  }

  const origins = (value('SLACK_RESPONSE_URL_ORIGINS') ?? DEFAULT_SLACK_RESPONSE_URL_ORIGINS)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  const slackResponseUrlOrigins = origins.map((origin) =>
    isHttpUrl(origin) ? new URL(origin).origin : origin,
  );
  for (const origin of origins.filter((candidate) => !isHttpUrl(candidate))) {
    problems.push(`SLACK_RESPONSE_URL_ORIGINS must list http(s) origins, got "${origin}"`);
  }

  const teamsSecurityToken = value('TEAMS_SECURITY_TOKEN');
  if (teamsSecurityToken !== undefined && !isBase64(teamsSecurityToken)) {
    problems.push('TEAMS_SECURITY_TOKEN must be the base64 security token Teams shows');
  }
  const slackSigningSecret = value('SLACK_SIGNING_SECRET');
  const mattermostToken = value('MATTERMOST_TOKEN');

  return {
    ...(slackSigningSecret === undefined ? {} : { slackSigningSecret }),
    responseType: responseType ?? 'ephemeral',
    slackDeferBytes: parseByteSize(
      value('SLACK_DEFER_BYTES') ?? '64kb',
      problems,
      'SLACK_DEFER_BYTES',
    ),
    slackDeferAfterMs,
    slackResponseUrlOrigins,
    ...(mattermostToken === undefined ? {} : { mattermostToken }),
    ...(teamsSecurityToken === undefined ? {} : { teamsSecurityToken }),
  };
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function isBase64(raw: string): boolean {
  return (
    raw.length >= 16 && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(raw)
  );
}

/** The level and every more severe one, as Nest's logger wants them. */
export function logLevelsFrom(level: LogLevelName): LogLevelName[] {
  return LOG_LEVELS.slice(LOG_LEVELS.indexOf(level));
}
