import { cpus } from 'node:os';
import { join } from 'node:path';

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Piscina } from 'piscina';

import { type AppConfig, appConfig } from '../config/app-config';
import { type KnownIssue, type TriageEngine } from '../engine';
import {
  runTriageJob,
  type TriageJob,
  type TriageJobResult,
  type TriageWorkerData,
} from './triage-job';

/**
 * Runs triage where it pays. A typical paste (kilobytes) is matched on the calling thread in
 * about a millisecond; a large one (a node dump of tens of MB) would hold the event loop for
 * seconds, so it goes to a worker thread and other requests keep being served meanwhile. Either
 * way the scan stops at TRIAGE_TIMEOUT_MS and the answer says it is partial.
 */
@Injectable()
export class TriageRunner implements OnApplicationShutdown {
  private pool: Piscina<TriageJob, TriageJobResult> | undefined;
  private poolIssues: readonly KnownIssue[] | undefined;

  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {}

  async run(engine: TriageEngine, job: Omit<TriageJob, 'timeoutMs'>): Promise<TriageJobResult> {
    const timed: TriageJob = { ...job, timeoutMs: this.config.triageTimeoutMs };
    if (Buffer.byteLength(job.text, 'utf8') < this.config.workerThresholdBytes) {
      return runTriageJob(engine, timed);
    }
    return this.poolFor(engine.issues).run(timed);
  }

  /**
   * After the HTTP server has drained (Nest closes it between onModuleDestroy and this hook): a
   * large paste still in flight at SIGTERM finishes on its worker.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
  }

  /** One pool per knowledge base: a reload gets fresh workers, the old ones finish and go. */
  private poolFor(issues: readonly KnownIssue[]): Piscina<TriageJob, TriageJobResult> {
    if (this.pool && this.poolIssues === issues) return this.pool;
    const previous = this.pool;
    const fromSource = __filename.endsWith('.ts');
    this.pool = new Piscina<TriageJob, TriageJobResult>({
      filename: join(__dirname, `triage.worker.${fromSource ? 'ts' : 'js'}`),
      // Under ts-node/jest the worker is TypeScript source too.
      execArgv: fromSource ? ['-r', 'ts-node/register/transpile-only'] : [],
      workerData: { issues: [...issues] } satisfies TriageWorkerData,
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(this.config.workerThreads, cpus().length)),
      idleTimeout: 60_000,
    });
    this.poolIssues = issues;
    void previous?.close();
    return this.pool;
  }
}
