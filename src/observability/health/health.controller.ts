import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { type HealthCheckResult } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { type Response } from 'express';

import { ReadinessService } from './readiness.service';

/** Probes of the orchestrator and the reverse proxy; outside /api/v1 and never rate limited. */
@Controller()
@SkipThrottle()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  /** Liveness: the process serves HTTP. Never depends on the database (a restart would not help). */
  @Get('healthz')
  @Header('Cache-Control', 'no-store')
  alive(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: 200 when the database answers and the knowledge base is loaded, else 503. */
  @Get('readyz')
  @Header('Cache-Control', 'no-store')
  async ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    const { ready, result } = await this.readiness.check();
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return result;
  }
}
