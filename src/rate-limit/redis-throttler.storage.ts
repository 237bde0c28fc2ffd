import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';

/** What ThrottlerStorage.increment resolves to (the record type is not exported by the package). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key, counted atomically in Redis so every replica shares it:
 * KEYS[1] the hit counter, KEYS[2] the block marker; ARGV: window ms, limit, block ms.
 * Returns { hits, ms left in the window, blocked (0/1), ms left of the block }.
 */
const INCREMENT_SCRIPT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl < 0 then ttl = 0 end
  return { hits, ttl, 1, blockTtl }
end
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    return { hits, ttl, 1, block }
  end
  return { hits, ttl, 1, ttl }
end
return { hits, ttl, 0, 0 }
`;

type IncrementReply = [number, number, number, number];

interface RedisWithIncrement {
  kubetriageThrottle(
    hitsKey: string,
    blockKey: string,
    windowMs: number,
    limit: number,
    blockMs: number,
  ): Promise<IncrementReply>;
}

/** How often a Redis outage is logged while it lasts. */
const WARN_EVERY_MS = 60_000;

/**
 * ThrottlerStorage in Redis (INCR + PEXPIRE in one Lua script), written here because the npm
 * Redis storages do not declare Nest 12 support. When Redis cannot answer, each replica counts in
 * its own memory until it can again: the limits loosen (per replica) but never stop the service.
 */
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private lastWarning = -Infinity;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    redis.defineCommand('kubetriageThrottle', { numberOfKeys: 2, lua: INCREMENT_SCRIPT });
    // ioredis reports connection errors as events; without a listener Node prints each one.
    redis.on('error', (error: Error) => this.warn(error));
  }

  /**
   * A client that fails fast when Redis is away, rather than queueing requests behind it. Waits
   * for the first connection (or its failure, or `waitMs`), so the first requests are counted in
   * Redis; a Redis that is down at start-up is retried in the background.
   */
  static async connect(
    url: string,
    keyPrefix: string,
    waitMs = 2000,
  ): Promise<RedisThrottlerStorage> {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: waitMs,
      commandTimeout: 1000,
    });
    const storage = new RedisThrottlerStorage(redis, keyPrefix);
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        redis.off('ready', done);
        redis.off('error', done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      redis.once('ready', done);
      redis.once('error', done);
    });
    return storage;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // A hash tag keeps both keys of one counter in the same Redis Cluster slot.
    const base = `${this.keyPrefix}{${key}}`;
    try {
      const [hits, windowLeftMs, blocked, blockLeftMs] = await (
        this.redis as unknown as RedisWithIncrement
      ).kubetriageThrottle(`${base}:hits`, `${base}:block`, ttl, limit, blockDuration);
      return {
        totalHits: Number(hits),
        timeToExpire: Math.ceil(Number(windowLeftMs) / 1000),
        isBlocked: Number(blocked) === 1,
        timeToBlockExpire: Math.ceil(Number(blockLeftMs) / 1000),
      };
    } catch (error) {
      this.warn(error);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.fallback.onApplicationShutdown();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (this.closed || now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Rate limits are counted per replica while Redis is unavailable: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
}
