import { Module } from '@nestjs/common';

import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';

/** Structured logs, Prometheus metrics and the health probes. */
@Module({ imports: [LoggingModule, MetricsModule, HealthModule] })
export class ObservabilityModule {}
