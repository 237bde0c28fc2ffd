import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';

import { type ServiceProcess, startService } from './support/service-process';

const PASTE = Buffer.from(
  'Linux node-1 5.4.0-189-generic\n' +
    'calico-node: felix: failed to wipe the XDP state\n'.repeat(2000) +
    'end of paste\n',
);

/** Resolves with the socket once connected, rejects with the connection error (ECONNREFUSED). */
function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything the server writes until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.once('error', reject);
  });
}

async function refusesConnections(port: number, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      (await open(port)).destroy();
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
    if (Date.now() > deadline) return 'still accepting';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('graceful shutdown', () => {
  let dir: string;
  let service: ServiceProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetriage-shutdown-'));
  });

  afterAll(async () => {
    service?.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('on SIGTERM refuses new connections, finishes the request in flight, closes and exits 0', async () => {
    const sqlitePath = join(dir, 'kubetriage.sqlite');
    // Over WORKER_THRESHOLD: the paste is matched on a worker thread, which must outlive the drain.
    expect(PASTE.length).toBeGreaterThan(64 * 1024);
    service = await startService({
      DATABASE_URL: `sqlite:${sqlitePath}`,
      WORKER_THRESHOLD: '64kb',
    });

    // A client in the middle of sending its paste when the replica is told to stop.
    const inFlight = await open(service.port);
    const response = readAll(inFlight);
    inFlight.write(
      'POST /api/v1/triage HTTP/1.1\r\nHost: kubetriage\r\nContent-Type: text/plain\r\n' +
        `Content-Length: ${PASTE.length}\r\n\r\n`,
    );
    inFlight.write(PASTE.subarray(0, 1000));
    await new Promise((resolve) => setTimeout(resolve, 300));

    service.kill('SIGTERM');

    expect(await refusesConnections(service.port, 5000)).toBe('ECONNREFUSED');
    // A keep-alive client: it sends the rest and waits, without closing its side.
    inFlight.write(PASTE.subarray(1000));
    const raw = await response;
    expect(raw).toMatch(/^HTTP\/1\.1 201 Created\r\n/);
    // The replica ends the connection with the response instead of keeping it alive.
    expect(raw).toMatch(/\r\nConnection: close\r\n/i);
    const location = /\r\nLocation: \/api\/v1\/analyses\/([0-9a-f-]{36})\r\n/i.exec(raw);
    expect(location).not.toBeNull();
    expect(await service.exited).toEqual({ code: 0, signal: null });
    expect(service.output.join('\n')).toContain('SIGTERM: finishing in-flight requests');
    service = undefined;

    // The database was closed: SQLite checkpoints and removes the WAL when its last connection closes.
    expect(existsSync(`${sqlitePath}-wal`)).toBe(false);
    const file = new Database(sqlitePath, { readonly: true });
    const row = file.prepare('SELECT id FROM analysis WHERE id = ?').get(location?.[1]);
    file.close();
    expect(row).toEqual({ id: location?.[1] });
  }, 60_000);
});
