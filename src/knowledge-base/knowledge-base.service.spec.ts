import { Logger } from '@nestjs/common';

import { type Clock } from '../common/clock';
import { type AppConfig } from '../config/app-config';
import {
  type KnownIssueRepository,
  type KnownIssueState,
} from '../database/repositories/known-issue.repository';
import { type SchemaLock } from '../database/schema-lock';
import { type KnowledgeBaseLoader } from './knowledge-base.loader';
import { KnowledgeBaseService } from './knowledge-base.service';
import { knownIssue } from './known-issue.fixture';
import { type LoadedKnowledgeBase } from './pattern-loader';

const NOW = new Date('2025-01-02T03:04:05.000Z');

describe(KnowledgeBaseService.name, () => {
  let loaded: LoadedKnowledgeBase;
  let states: KnownIssueState[];
  let repository: jest.Mocked<
    Pick<KnownIssueRepository, 'findAllStates' | 'insert' | 'update' | 'retire'>
  >;
  let locked: boolean;
  let schemaLock: SchemaLock;
  let sut: KnowledgeBaseService;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    locked = false;
    schemaLock = {
      exclusive: async <T>(work: () => Promise<T>) => {
        locked = true;
        try {
          return await work();
        } finally {
          locked = false;
        }
      },
    } as SchemaLock;
    loaded = {
      issues: [knownIssue({ id: 'alpha' }), knownIssue({ id: 'beta' })],
      errors: [],
      hashes: { alpha: 'hash-a', beta: 'hash-b' },
    };
    states = [];
    repository = {
      findAllStates: jest.fn(async () => states),
      insert: jest.fn().mockResolvedValue(undefined),
      update: jest.fn().mockResolvedValue(undefined),
      retire: jest.fn().mockResolvedValue(undefined),
    };
    const loader = { load: jest.fn(() => loaded) } as unknown as KnowledgeBaseLoader;
    const clock = { now: () => NOW } as Clock;
    sut = new KnowledgeBaseService(
      { patternsDir: '/srv/patterns' } as AppConfig,
      loader,
      repository as unknown as KnownIssueRepository,
      clock,
      schemaLock,
    );
  });

  it('writes the rows while holding the schema lock (replicas starting together)', async () => {
    const lockedDuringInsert: boolean[] = [];
    repository.insert.mockImplementation(async () => {
      lockedDuringInsert.push(locked);
    });

    await sut.load();

    expect(lockedDuringInsert).toEqual([true, true]);
    expect(locked).toBe(false);
  });

  it('inserts a row for every new file', async () => {
    const summary = await sut.load();

    expect(summary).toEqual({ inserted: ['alpha', 'beta'], updated: [], retired: [] });
    expect(repository.insert).toHaveBeenCalledWith(
      {
        id: 'alpha',
        title: 'Calico XDP fails on kernel 5.4',
        components: ['calico', 'kernel'],
        definition: loaded.issues[0],
        contentHash: 'hash-a',
      },
      NOW,
    );
  });

  it('updates a row whose file changed and leaves unchanged ones alone', async () => {
    states = [
      { id: 'alpha', contentHash: 'old-hash', retiredAt: null },
      { id: 'beta', contentHash: 'hash-b', retiredAt: null },
    ];

    const summary = await sut.load();

    expect(summary).toEqual({ inserted: [], updated: ['alpha'], retired: [] });
    expect(repository.update).toHaveBeenCalledTimes(1);
    expect(repository.insert).not.toHaveBeenCalled();
  });

  it('retires rows whose file is gone and brings back a file that returned', async () => {
    states = [
      { id: 'alpha', contentHash: 'hash-a', retiredAt: new Date('2024-12-01T00:00:00Z') },
      { id: 'beta', contentHash: 'hash-b', retiredAt: null },
      { id: 'removed', contentHash: 'hash-r', retiredAt: null },
      { id: 'long-gone', contentHash: 'hash-g', retiredAt: new Date('2024-01-01T00:00:00Z') },
    ];

    const summary = await sut.load();

    expect(summary).toEqual({ inserted: [], updated: ['alpha'], retired: ['removed'] });
    expect(repository.retire).toHaveBeenCalledWith(['removed'], NOW);
  });

  it('skips a broken file, keeps its row and serves the others', async () => {
    loaded.errors = [{ file: 'broken.yaml', field: 'signals[0].pattern', message: 'bad regex' }];
    states = [{ id: 'broken', contentHash: 'hash-x', retiredAt: null }];

    const summary = await sut.load();

    expect(summary.retired).toEqual([]);
    expect(sut.listIssues().map((issue) => issue.id)).toEqual(['alpha', 'beta']);
    expect(sut.findIssue('broken')).toBeUndefined();
  });

  it('builds the engine from the loaded issues', async () => {
    await sut.load();

    const result = sut.getEngine().triage('felix: failed to wipe the XDP state\n');

    expect(result.causes.map((cause) => cause.issueId)).toContain('alpha');
  });

  it('names PATTERNS_DIR when the folder cannot be read', async () => {
    const loader = {
      load: jest.fn(() => {
        throw new Error('ENOENT');
      }),
    } as unknown as KnowledgeBaseLoader;
    sut = new KnowledgeBaseService(
      { patternsDir: '/nowhere' } as AppConfig,
      loader,
      repository as unknown as KnownIssueRepository,
      { now: () => NOW } as Clock,
      schemaLock,
    );

    await expect(sut.load()).rejects.toThrow(
      'Cannot read the knowledge base in PATTERNS_DIR=/nowhere: ENOENT',
    );
  });
});
