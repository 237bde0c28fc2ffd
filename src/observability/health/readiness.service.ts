import { Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';

import { KnowledgeBaseService } from '../../knowledge-base/knowledge-base.service';

/** A ping slower than this counts as unreachable: a probe must answer before its own timeout. */
const DATABASE_PING_TIMEOUT_MS = 1500;

export interface Readiness {
  ready: boolean;
  result: HealthCheckResult;
}

/**
 * Ready = the database answers and the knowledge base is loaded. Changes of state are logged once
 * (not every probe), so an outage and its end each leave one line.
 */
@Injectable()
export class ReadinessService {
  private readonly logger = new Logger(ReadinessService.name);
  private wasReady: boolean | undefined;

  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly knowledgeBase: KnowledgeBaseService,
  ) {}

  async check(): Promise<Readiness> {
    let readiness: Readiness;
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database').withTimeout(DATABASE_PING_TIMEOUT_MS),
        () => this.knowledgeBaseCheck(),
      ]);
      readiness = { ready: true, result };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      readiness = { ready: false, result: error.getResponse() as HealthCheckResult };
    }
    this.noteTransition(readiness);
    return readiness;
  }

  private knowledgeBaseCheck(): HealthIndicatorResult<'knowledgeBase'> {
    const session = this.indicators.check('knowledgeBase');
    const issues = this.knowledgeBase.listIssues().length;
    return issues > 0 ? session.up({ issues }) : session.down({ message: 'no known issue loaded' });
  }

  private noteTransition({ ready, result }: Readiness): void {
    if (ready === this.wasReady) return;
    this.wasReady = ready;
    if (ready) {
      this.logger.log('Ready: the database answers and the knowledge base is loaded');
    } else {
      this.logger.warn(`Not ready: ${Object.keys(result.error ?? {}).join(', ') || result.status}`);
    }
  }
}
