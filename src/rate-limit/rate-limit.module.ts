import { type IncomingHttpHeaders } from 'node:http';

import { type ExecutionContext, Module } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { type Request } from 'express';

import { hashApiKey } from '../api-keys/api-key-secret';
import { presentedCredential } from '../common/api-key-credential';
import { type AppConfig, appConfig } from '../config/app-config';
import { type RateLimitConfig } from '../config/security-config';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The key a request presents, hashed (the same hash the database keeps), or undefined. */
function presentedKeyHash(headers: IncomingHttpHeaders): string | undefined {
  const credential = presentedCredential(headers);
  return credential.kind === 'key' ? hashApiKey(credential.key) : undefined;
}

const headersOf = (context: ExecutionContext): IncomingHttpHeaders =>
  context.switchToHttp().getRequest<Request>().headers;

/**
 * Two budgets per window, both counted before the key is looked up (so a flood of bad keys costs
 * no queries): per client address for every request, and per API key (tracked by the key's hash)
 * for every request carrying one. Each is a total over all routes, not per route.
 *
 * The per-address throttler is named `default`, so that a plain `@SkipThrottle()` (health checks,
 * metrics) skips it; `@SkipThrottle({ key: true })` skips the per-key one.
 */
export async function rateLimitOptions(config: RateLimitConfig): Promise<ThrottlerModuleOptions> {
  return {
    throttlers: [
      {
        name: 'default',
        ttl: config.windowMs,
        limit: config.perIp,
        skipIf: () => config.perIp === 0,
      },
      {
        name: 'key',
        ttl: config.windowMs,
        limit: config.perKey,
        skipIf: (context) =>
          config.perKey === 0 || presentedKeyHash(headersOf(context)) === undefined,
        getTracker: (_request, context) => presentedKeyHash(headersOf(context)) ?? '',
      },
    ],
    generateKey: (_context, tracker, name) => `${name === 'default' ? 'ip' : name}:${tracker}`,
    setHeaders: false,
    ...(config.redisUrl === undefined
      ? {}
      : { storage: await RedisThrottlerStorage.connect(config.redisUrl, config.redisKeyPrefix) }),
  };
}

/** Rate limits (see rateLimitOptions), in memory or, with REDIS_URL, shared in Redis. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => rateLimitOptions(config.security.rateLimit),
    }),
  ],
})
export class RateLimitModule {}
