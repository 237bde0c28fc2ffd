import { copyFile, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';

import { createTestApp } from './support/test-app';

const PATTERNS = join(__dirname, '..', 'patterns');
const XDP = 'calico-xdp-kernel-5.4';

interface Row {
  id: string;
  content_hash: string;
  retired_at: unknown;
}

/** Starts the app on the same SQLite file, returns the known_issue rows and the listed ids. */
async function start(patternsDir: string, sqlitePath: string) {
  // The broken file is logged as an error on purpose.
  const sut = await createTestApp({ patternsDir, sqlitePath, logLevel: 'fatal' });
  try {
    const rows = await sut.dataSource
      .createQueryBuilder()
      .select(['known_issue.id AS id', 'known_issue.content_hash AS content_hash'])
      .addSelect('known_issue.retired_at', 'retired_at')
      .from('known_issue', 'known_issue')
      .orderBy('known_issue.id')
      .getRawMany<Row>();
    const listed = await request(sut.app.getHttpServer() as Server)
      .get('/api/v1/known-issues')
      .expect(200);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { byId, listed: (listed.body as { id: string }[]).map((issue) => issue.id) };
  } finally {
    await sut.close();
  }
}

describe('the knowledge-base sync at start-up', () => {
  let dir: string;
  let patternsDir: string;
  let sqlitePath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubetriage-sync-'));
    patternsDir = join(dir, 'patterns');
    sqlitePath = join(dir, 'kubetriage.sqlite');
    await mkdir(patternsDir);
    await copyFile(join(PATTERNS, `${XDP}.yaml`), join(patternsDir, `${XDP}.yaml`));
    await copyFile(
      join(PATTERNS, 'br-netfilter-not-loaded.yaml'),
      join(patternsDir, 'br-netfilter-not-loaded.yaml'),
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('inserts, updates, retires and brings back rows as the files change', async () => {
    const first = await start(patternsDir, sqlitePath);
    expect([...first.byId.keys()]).toEqual(['br-netfilter-not-loaded', XDP]);
    expect(first.listed).toEqual(['br-netfilter-not-loaded', XDP]);

    // A changed file, a removed file and a broken new file.
    const xdpFile = join(patternsDir, `${XDP}.yaml`);
    await writeFile(xdpFile, `${await readFile(xdpFile, 'utf8')}\n# reviewed\n`);
    await unlink(join(patternsDir, 'br-netfilter-not-loaded.yaml'));
    await writeFile(join(patternsDir, 'broken-entry.yaml'), 'title: [unclosed\n');
    const second = await start(patternsDir, sqlitePath);
    expect(second.byId.get(XDP)?.content_hash).not.toBe(first.byId.get(XDP)?.content_hash);
    expect(second.byId.get(XDP)?.retired_at).toBeNull();
    expect(second.byId.get('br-netfilter-not-loaded')?.retired_at).not.toBeNull();
    expect(second.byId.has('broken-entry')).toBe(false);
    expect(second.listed).toEqual([XDP]);

    await copyFile(
      join(PATTERNS, 'br-netfilter-not-loaded.yaml'),
      join(patternsDir, 'br-netfilter-not-loaded.yaml'),
    );
    const third = await start(patternsDir, sqlitePath);
    expect(third.byId.get('br-netfilter-not-loaded')?.retired_at).toBeNull();
    expect(third.listed).toEqual(['br-netfilter-not-loaded', XDP]);
  }, 60_000);
});
