import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { parse } from 'yaml';

import { type ServiceProcess, startService } from './support/service-process';

interface Analysis {
  id: string;
  facts: unknown[];
  causes: { issueId: string }[];
}

/** The first `match` example of a few knowledge-base entries: pastes with known causes. */
async function samplePastes(count: number): Promise<string[]> {
  const dir = join(__dirname, '..', 'patterns');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.yaml')).sort();
  const pastes: string[] = [];
  for (const file of files.slice(0, count)) {
    const entry = parse(await readFile(join(dir, file), 'utf8')) as {
      examples?: { match?: { text: string }[] };
    };
    const text = entry.examples?.match?.[0]?.text;
    if (text) pastes.push(text);
  }
  return pastes;
}

const CONCURRENCY = 8;
/** Killed once this many submissions were acknowledged, with others in flight. */
const KILL_AFTER = 60;

describe('crash safety of the SQLite store', () => {
  let dir: string;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetriage-crash-'));
  });

  afterAll(async () => {
    service?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged analysis intact across a kill -9 in the middle of a stream', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'kubetriage.sqlite')}` };
    const pastes = await samplePastes(8);
    service = await startService(env);
    const base = `http://127.0.0.1:${service.port}`;

    let sent = 0;
    let killed = false;
    const acknowledged: Analysis[] = [];
    const failures: string[] = [];
    const worker = async () => {
      while (!killed) {
        const n = sent++;
        try {
          const response = await fetch(`${base}/api/v1/triage`, {
            method: 'POST',
            headers: { 'Content-Type': 'text/plain' },
            body: `${pastes[n % pastes.length]}\ncrash-safety submission ${n}\n`,
          });
          const body = (await response.json()) as Analysis;
          if (response.status === 201) acknowledged.push(body);
          else failures.push(`${response.status}`);
        } catch {
          // The connection died with the process: sent, never acknowledged.
          continue;
        }
        if (acknowledged.length >= KILL_AFTER && !killed) {
          killed = true;
          service?.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await service.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(failures).toEqual([]);

    service = await startService(env);
    let found = 0;
    for (const created of acknowledged) {
      const response = await fetch(
        `http://127.0.0.1:${service.port}/api/v1/analyses/${created.id}`,
      );
      if (response.status !== 200) continue;
      const stored = (await response.json()) as Analysis;
      expect(stored.causes).toEqual(created.causes);
      expect(stored.facts).toEqual(created.facts);
      found += 1;
    }
    service.kill('SIGTERM');
    expect(await service.exited).toEqual({ code: 0, signal: null });
    service = undefined;

    const file = new Database(join(dir, 'kubetriage.sqlite'), { readonly: true });
    const integrity = file.pragma('integrity_check', { simple: true });
    const rows = (file.prepare('SELECT COUNT(*) AS count FROM analysis').get() as { count: number })
      .count;
    file.close();

    console.log(
      `kill -9 during a stream of submissions: sent ${sent}, acknowledged (201) ${acknowledged.length}, ` +
        `found intact after restart ${found}, rows in the file ${rows}`,
    );
    expect(sent).toBeGreaterThan(acknowledged.length);
    expect(found).toBe(acknowledged.length);
    expect(integrity).toBe('ok');
    // Requests cut by the kill may have been stored without their answer reaching the client.
    expect(rows).toBeGreaterThanOrEqual(acknowledged.length);
    expect(acknowledged.some((analysis) => analysis.causes.length > 0)).toBe(true);
  }, 90_000);
});
