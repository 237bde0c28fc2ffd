import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';

import { RateLimitException } from './rate-limit.exception';

/**
 * @nestjs/throttler's guard, answering with our 429 problem (RATE_LIMITED and a `Retry-After`
 * header set by the problem filter) instead of its own exception and per-throttler headers.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new RateLimitException(Math.max(1, detail.timeToBlockExpire));
  }
}
