import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

import autocannon from 'autocannon';
import Database from 'better-sqlite3';

export interface HttpRow {
  target: 'kubetriage' | 'bare express';
  connections: number;
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not come up in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function start(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function load(url: string, body: string, connections: number, seconds: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
  });
  return {
    /** Every request answered, so stored analyses can be counted against it exactly. */
    answered: result.requests.total,
    requestsPerS: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * autocannon against POST /api/v1/triage of the built service (SQLite, analyses stored) and
 * against a bare Express endpoint parsing the same body, at each connection count, same run.
 */
export async function httpBench(
  root: string,
  workDir: string,
  paste: string,
  connectionCounts: readonly number[],
  seconds: number,
): Promise<{ rows: HttpRow[]; stored: number; sent: number }> {
  const body = JSON.stringify({ text: paste, source: 'bench' });
  const databaseFile = join(workDir, 'http-bench.sqlite');
  const servicePort = await freePort();
  const barePort = await freePort();
  const service = start(join(root, 'dist', 'src', 'main.js'), {
    PORT: String(servicePort),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${databaseFile}`,
    LOG_LEVEL: 'warn',
    API_AUTH: 'off',
    // The benchmark is the only client: no rate limit (0 turns a limit off).
    RATE_LIMIT_MAX: '0',
    RATE_LIMIT_KEY_MAX: '0',
  });
  const bare = start(join(root, 'dist', 'bench', 'bare-server.js'), { PORT: String(barePort) });
  const rows: HttpRow[] = [];
  let sent = 0;
  try {
    await waitFor(`http://127.0.0.1:${servicePort}/api/v1/known-issues`, 60_000);
    await waitFor(`http://127.0.0.1:${barePort}/`, 10_000);
    for (const connections of connectionCounts) {
      for (const [target, port] of [
        ['kubetriage', servicePort],
        ['bare express', barePort],
      ] as const) {
        const url = `http://127.0.0.1:${port}/api/v1/triage`;
        const warmUp = await load(url, body, connections, 1);
        const { answered, ...measured } = await load(url, body, connections, seconds);
        if (target === 'kubetriage') sent += warmUp.answered + answered;
        rows.push({ target, connections, ...measured });
      }
    }
  } finally {
    service.kill('SIGTERM');
    bare.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
  const database = new Database(databaseFile, { readonly: true });
  const stored = (
    database.prepare('SELECT COUNT(*) AS count FROM analysis').get() as { count: number }
  ).count;
  database.close();
  return { rows, stored, sent };
}
