import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { findPackageRoot } from '../../src/config/package-root';

const ROOT = findPackageRoot(__dirname);
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const BUILD_LOCK = join(ROOT, 'node_modules', '.cache', 'kubetriage-test-build.lock');

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceChange(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(MAIN)) return true;
  const built = statSync(MAIN).mtimeMs;
  return ['src', 'migrations'].some((dir) => newestSourceChange(join(ROOT, dir)) > built);
}

/** Set once this Jest worker has built: later test files reuse that build. */
const BUILT_IN_THIS_WORKER = 'KUBETRIAGE_TEST_SERVICE_BUILT';

/**
 * The built service, dist/src/main.js: compiled with `tsc -p tsconfig.build.json` when missing or
 * older than a source file (about 6 s), at most once per Jest worker and once at a time across
 * workers.
 */
export async function ensureBuilt(): Promise<string> {
  mkdirSync(dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    if (process.env[BUILT_IN_THIS_WORKER] === MAIN || !isStale()) return MAIN;
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // Another worker builds; a lock older than two minutes was left by a killed run.
      const since = existsSync(BUILD_LOCK) ? Date.now() - statSync(BUILD_LOCK).mtimeMs : 0;
      if (since > 120_000) rmSync(BUILD_LOCK, { force: true, recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      // Type errors elsewhere still emit JavaScript; only a missing main.js is fatal.
      spawnSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
        {
          cwd: ROOT,
          stdio: 'ignore',
        },
      );
      if (!existsSync(MAIN)) throw new Error(`tsc -p tsconfig.build.json did not produce ${MAIN}`);
      process.env[BUILT_IN_THIS_WORKER] = MAIN;
      return MAIN;
    } finally {
      rmSync(BUILD_LOCK, { force: true, recursive: true });
    }
  }
}

export interface ServiceProcess {
  port: number;
  pid: number;
  /** Every line the process wrote, stdout and stderr. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts `node dist/src/main.js` on an ephemeral port of 127.0.0.1 with only the given settings
 * (nothing inherited but PATH; LOG_LEVEL is always `log`), and resolves once it logs the port it
 * listens on.
 */
export async function startService(env: Record<string, string>): Promise<ServiceProcess> {
  const main = await ensureBuilt();
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    // LOG_LEVEL=log at least: the "listening on" line says which port was bound.
    env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'log', PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the service did not start within 30 s:\n${output.join('\n')}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        output.push(line);
        const listening = /listening on http:\/\/[^:]+:(\d+)/.exec(line);
        if (listening) {
          clearTimeout(timer);
          resolve(Number(listening[1]));
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(`the service exited (${code ?? signal}) before listening:\n${output.join('\n')}`),
      );
    });
  });
  return {
    port,
    pid: child.pid ?? 0,
    output,
    exited,
    kill: (signal) => child.kill(signal),
  };
}
