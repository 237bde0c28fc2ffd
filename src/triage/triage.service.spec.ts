import { Logger } from '@nestjs/common';

import { type Clock } from '../common/clock';
import { type IdGenerator } from '../common/id-generator';
import { type AppConfig } from '../config/app-config';
import {
  type AnalysisRecord,
  type AnalysisRepository,
} from '../database/repositories/analysis.repository';
import { TriageEngine } from '../engine';
import { type KnowledgeBaseService } from '../knowledge-base/knowledge-base.service';
import { knownIssue } from '../knowledge-base/known-issue.fixture';
import { MetricsService } from '../observability/metrics/metrics.service';
import { TriageService } from './triage.service';
import { TriageRunner } from './triage-runner';

const NOW = new Date('2025-01-02T03:04:05.000Z');
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const KEY_LINE = 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun';

describe(TriageService.name, () => {
  let created: AnalysisRecord[];
  let storeFailure: Error | undefined;
  let engine: TriageEngine;
  let metrics: MetricsService;
  let sut: TriageService;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    created = [];
    storeFailure = undefined;
    metrics = new MetricsService();
    engine = new TriageEngine([knownIssue()]);
    const knowledgeBase = { getEngine: () => engine } as unknown as KnowledgeBaseService;
    const analyses = {
      create: jest.fn(async (record: AnalysisRecord) => {
        if (storeFailure) throw storeFailure;
        created.push(record);
      }),
    } as unknown as AnalysisRepository;
    sut = new TriageService(
      knowledgeBase,
      analyses,
      { now: () => NOW } as Clock,
      { uuid: () => ID } as IdGenerator,
      new TriageRunner({
        triageTimeoutMs: 10_000,
        workerThresholdBytes: 1024 ** 2,
        workerThreads: 1,
      } as AppConfig),
      metrics,
    );
  });

  it('stores and returns the ranked causes of a paste', async () => {
    const response = await sut.triage({
      text: 'Linux n1 5.4.0-189-generic\nfelix: failed to wipe the XDP state\n',
      source: 'cli',
    });

    expect(response).toMatchObject({
      id: ID,
      createdAt: NOW.toISOString(),
      source: 'cli',
      redactions: 0,
      context: null,
    });
    expect(response.causes[0]).toMatchObject({
      issueId: 'calico-xdp-kernel-5.4',
      evidence: [expect.objectContaining({ line: 2, signal: 'xdp-state-wipe-failed' })],
    });
    expect(created).toHaveLength(1);
    expect(created[0].causes).toEqual(response.causes);
  });

  it('redacts secrets before the engine and the database see them', async () => {
    const engineInput = jest.spyOn(engine, 'triage');
    const text = [
      '-----BEGIN PRIVATE KEY-----',
      KEY_LINE,
      '-----END PRIVATE KEY-----',
      'felix: failed to wipe the XDP state',
    ].join('\n');

    const response = await sut.triage({ text });

    expect(engineInput.mock.calls[0][0]).not.toContain(KEY_LINE);
    expect(created[0].redacted).not.toContain(KEY_LINE);
    expect(created[0].redacted.split('\n')).toHaveLength(4);
    expect(response.redactions).toBe(1);
    expect(response.causes[0].evidence[0].line).toBe(4);
  });

  it('passes the stated context to the engine and keeps it', async () => {
    const context = { kernel: '5.4.0-189-generic', components: { calico: '3.27.3' } };

    const response = await sut.triage({ text: 'calico-node is crashing', context });

    expect(response.context).toEqual(context);
    expect(response.facts).toEqual(
      expect.arrayContaining([{ name: 'kernel', value: '5.4.0-189-generic', source: 'context' }]),
    );
  });

  it('counts the bytes submitted, before redaction', async () => {
    const text = 'password=hunter2hunter2 ünïcode\n';

    const response = await sut.triage({ text });

    expect(response.input).toEqual({ bytes: Buffer.byteLength(text), lines: expect.any(Number) });
  });

  it('marks the analysis stored and counts it in the metrics', async () => {
    const text = 'Linux n1 5.4.0-189-generic\nfelix: failed to wipe the XDP state\n';

    const response = await sut.triage({ text });

    expect(response.stored).toBe(true);
    const exposition = await metrics.exposition();
    expect(exposition).toContain(
      'kubetriage_known_issue_matches_total{issue_id="calico-xdp-kernel-5.4"} 1',
    );
    expect(exposition).toContain('kubetriage_triage_duration_seconds_count{stored="true"} 1');
    expect(exposition).toContain(`kubetriage_triage_input_bytes_sum ${Buffer.byteLength(text)}`);
  });

  it('still answers, marked not stored, while the database is unavailable', async () => {
    storeFailure = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
    });

    const response = await sut.triage({ text: 'felix: failed to wipe the XDP state\n' });

    expect(response).toMatchObject({ id: ID, stored: false });
    expect(response.causes[0].issueId).toBe('calico-xdp-kernel-5.4');
    expect(await metrics.exposition()).toContain(
      'kubetriage_triage_duration_seconds_count{stored="false"} 1',
    );
  });

  it('throws a storage failure that is not an outage', async () => {
    storeFailure = Object.assign(new Error('duplicate key value'), { code: '23505' });

    await expect(sut.triage({ text: 'felix: failed to wipe the XDP state\n' })).rejects.toBe(
      storeFailure,
    );
  });
});
