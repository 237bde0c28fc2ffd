import { Injectable, type OnModuleInit } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

import { type Verdict } from '../../database/repositories/feedback.repository';

export interface HttpRequestLabels {
  method: string;
  /** The route template (`/api/v1/analyses/:id`), never the raw path: ids would explode it. */
  route: string;
  statusCode: number;
}

export interface TriageObservation {
  durationSeconds: number;
  inputBytes: number;
  /** The issue ids of the causes returned. */
  issueIds: readonly string[];
  stored: boolean;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SIZE_BUCKETS = [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216];

/**
 * The service's Prometheus metrics. Each application instance has its own registry (tests start
 * several apps in one process; one global registry would refuse the second registration).
 * Label values are bounded: route templates, methods, statuses, known-issue ids and verdicts.
 */
@Injectable()
export class MetricsService implements OnModuleInit {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly triageDuration = new Histogram({
    name: 'kubetriage_triage_duration_seconds',
    help: 'Time to triage one paste (redaction, matching and storage), by whether it was stored.',
    labelNames: ['stored'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  private readonly inputSize = new Histogram({
    name: 'kubetriage_triage_input_bytes',
    help: 'Size of the submitted pastes in bytes.',
    buckets: SIZE_BUCKETS,
    registers: [this.registry],
  });

  private readonly matches = new Counter({
    name: 'kubetriage_known_issue_matches_total',
    help: 'Analyses that returned the known issue among their causes.',
    labelNames: ['issue_id'] as const,
    registers: [this.registry],
  });

  private readonly feedback = new Counter({
    name: 'kubetriage_known_issue_feedback_total',
    help: 'Verdicts given on a known issue, by verdict.',
    labelNames: ['issue_id', 'verdict'] as const,
    registers: [this.registry],
  });

  /** Process metrics (CPU, memory, event loop, GC) once the app starts, not in unit tests. */
  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
  }

  observeHttpRequest(labels: HttpRequestLabels, durationSeconds: number): void {
    this.httpDuration.observe(
      { method: labels.method, route: labels.route, status_code: String(labels.statusCode) },
      durationSeconds,
    );
  }

  observeTriage(observation: TriageObservation): void {
    this.triageDuration.observe(
      { stored: String(observation.stored) },
      observation.durationSeconds,
    );
    this.inputSize.observe(observation.inputBytes);
    for (const issueId of observation.issueIds) {
      this.matches.inc({ issue_id: issueId });
    }
  }

  countFeedback(issueId: string, verdict: Verdict): void {
    this.feedback.inc({ issue_id: issueId, verdict });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition format Prometheus scrapes. */
  async exposition(): Promise<string> {
    return this.registry.metrics();
  }
}
