import { readdir, readFile } from 'node:fs/promises';
import { type Server } from 'node:http';
import { join } from 'node:path';

import request from 'supertest';
import { DataSource } from 'typeorm';
import { parse } from 'yaml';

import {
  backendsUnderTest,
  createPostgresSchema,
  createTestApp,
  dropPostgresSchema,
  type TestApp,
  withClient,
} from './support/test-app';

interface Analysis {
  id: string;
  causes: { issueId: string }[];
}
interface KnownIssueSummary {
  id: string;
  statistics: { matched: number; confirmed: number; rejected: number };
}

const PATTERNS = join(__dirname, '..', 'patterns');
const REQUESTS = 200;
const CONCURRENCY = 10;

async function knowledgeBase(): Promise<{ ids: string[]; pastes: string[] }> {
  const files = (await readdir(PATTERNS)).filter((file) => file.endsWith('.yaml')).sort();
  const pastes: string[] = [];
  for (const file of files.slice(0, 10)) {
    const entry = parse(await readFile(join(PATTERNS, file), 'utf8')) as {
      examples?: { match?: { text: string }[] };
    };
    const text = entry.examples?.match?.[0]?.text;
    if (text) pastes.push(text);
  }
  return { ids: files.map((file) => file.replace(/\.yaml$/, '')), pastes };
}

/** Runs `work(0..count-1)` with at most `concurrency` at a time. */
async function inParallel(count: number, concurrency: number, work: (n: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const postgres = backendsUnderTest().includes('postgres');

(postgres ? describe : describe.skip)('several replicas on one PostgreSQL schema', () => {
  let schema: string;
  let replicas: TestApp[] = [];

  beforeAll(async () => {
    schema = await createPostgresSchema();
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    if (schema) await dropPostgresSchema(schema);
  });

  it('three replicas starting together on a fresh schema migrate and sync it once', async () => {
    // What each replica's migration run did: without the lock, two would run them (one failing
    // and being retried by TypeOrmModule) and the known-issue syncs would collide.
    const runs: string[] = [];
    const runMigrations = DataSource.prototype.runMigrations;
    const spy = jest
      .spyOn(DataSource.prototype, 'runMigrations')
      .mockImplementation(async function (this: DataSource, options) {
        try {
          const ran = await runMigrations.call(this, options);
          runs.push(`ran ${ran.length}`);
          return ran;
        } catch (error) {
          runs.push('failed');
          throw error;
        }
      });
    try {
      replicas = await Promise.all(
        [1, 2, 3].map(() => createTestApp({ backend: 'postgres', postgresSchema: schema })),
      );
    } finally {
      spy.mockRestore();
    }

    const { migrations, knownIssues, ids } = await withClient(
      process.env.DATABASE_URL ?? '',
      async (client) => ({
        migrations: (await client.query(`SELECT name FROM "${schema}".migrations ORDER BY id`))
          .rows as { name: string }[],
        knownIssues: (await client.query(`SELECT id FROM "${schema}".known_issue`)).rows as {
          id: string;
        }[],
        ids: (await knowledgeBase()).ids,
      }),
    );
    const migrationFiles = (await readdir(join(__dirname, '..', 'migrations'))).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(runs.sort()).toEqual(['ran 0', 'ran 0', `ran ${migrationFiles.length}`]);
    expect(migrations).toHaveLength(migrationFiles.length);
    expect(new Set(migrations.map((row) => row.name)).size).toBe(migrations.length);
    expect(knownIssues.map((row) => row.id).sort()).toEqual(ids);
  });

  it('serves the same analyses, feedback and statistics from either replica', async () => {
    const [a, b] = replicas.map((replica) => replica.app.getHttpServer() as Server);
    const { pastes } = await knowledgeBase();

    const created: { via: Server; analysis: Analysis }[] = [];
    await inParallel(REQUESTS, CONCURRENCY, async (n) => {
      const via = n % 2 === 0 ? a : b;
      const response = await request(via)
        .post('/api/v1/triage')
        .set('Content-Type', 'text/plain')
        .send(`${pastes[n % pastes.length]}\nscale-out submission ${n}\n`)
        .expect(201);
      created.push({ via, analysis: response.body as Analysis });
    });
    expect(created).toHaveLength(REQUESTS);

    // Every analysis is readable through the replica that did not write it.
    await inParallel(created.length, CONCURRENCY, async (n) => {
      const { via, analysis } = created[n];
      const other = via === a ? b : a;
      const fetched = await request(other).get(`/api/v1/analyses/${analysis.id}`).expect(200);
      expect(fetched.body).toEqual(analysis);
    });

    // Verdicts given through both replicas.
    const confirmed = new Map<string, number>();
    const withCauses = created.filter(({ analysis }) => analysis.causes.length > 0).slice(0, 40);
    await inParallel(withCauses.length, CONCURRENCY, async (n) => {
      const { via, analysis } = withCauses[n];
      const issueId = analysis.causes[0].issueId;
      await request(via)
        .post(`/api/v1/analyses/${analysis.id}/feedback`)
        .send({ issueId, verdict: 'confirmed' })
        .expect(201);
      confirmed.set(issueId, (confirmed.get(issueId) ?? 0) + 1);
    });
    expect(withCauses.length).toBeGreaterThan(20);

    const matched = new Map<string, number>();
    for (const { analysis } of created) {
      for (const cause of analysis.causes) {
        matched.set(cause.issueId, (matched.get(cause.issueId) ?? 0) + 1);
      }
    }
    const [viaA, viaB] = await Promise.all(
      [a, b].map(async (server) => {
        const response = await request(server).get('/api/v1/known-issues').expect(200);
        return response.body as KnownIssueSummary[];
      }),
    );
    expect(viaB).toEqual(viaA);
    for (const issue of viaA) {
      expect(issue.statistics).toEqual({
        matched: matched.get(issue.id) ?? 0,
        confirmed: confirmed.get(issue.id) ?? 0,
        rejected: 0,
      });
    }
  }, 60_000);
});
