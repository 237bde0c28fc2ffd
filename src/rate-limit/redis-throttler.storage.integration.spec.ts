import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The Redis the suite runs against (docker-compose's, or a local one). */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const WINDOW_MS = 60_000;

describe(RedisThrottlerStorage.name, () => {
  /** Unique per run, so parallel runs and leftovers never meet; deleted afterwards. */
  const prefix = `kubetriage-test:${randomUUID()}:`;
  let admin: Redis;
  const storages: RedisThrottlerStorage[] = [];

  const replica = async (): Promise<RedisThrottlerStorage> => {
    const storage = await RedisThrottlerStorage.connect(REDIS_URL, prefix);
    storages.push(storage);
    return storage;
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    admin = new Redis(REDIS_URL);
    await admin.ping();
  });

  afterAll(async () => {
    await Promise.all(storages.map((storage) => storage.onApplicationShutdown()));
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    await admin.quit();
  });

  it('counts hits in a window and blocks past the limit for the block duration', async () => {
    const sut = await replica();

    const records = [];
    for (let hit = 0; hit < 4; hit += 1) {
      records.push(await sut.increment('count', WINDOW_MS, 3, 30_000, 'ip'));
    }

    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(records[0].timeToExpire).toBeGreaterThan(0);
    expect(records[0].timeToExpire).toBeLessThanOrEqual(WINDOW_MS / 1000);
    expect(records[3].timeToBlockExpire).toBe(30);
  });

  it('keeps the block: a blocked client is not counted again until it ends', async () => {
    const sut = await replica();
    for (let hit = 0; hit < 3; hit += 1) await sut.increment('blocked', WINDOW_MS, 2, 10_000, 'ip');

    const again = await sut.increment('blocked', WINDOW_MS, 2, 10_000, 'ip');

    expect(again).toMatchObject({ totalHits: 3, isBlocked: true });
    expect(again.timeToBlockExpire).toBeGreaterThan(0);
    expect(again.timeToBlockExpire).toBeLessThanOrEqual(10);
  });

  it('shares one counter between replicas', async () => {
    const [first, second] = await Promise.all([replica(), replica()]);

    await first.increment('shared', WINDOW_MS, 10, WINDOW_MS, 'key');
    await second.increment('shared', WINDOW_MS, 10, WINDOW_MS, 'key');
    const third = await first.increment('shared', WINDOW_MS, 10, WINDOW_MS, 'key');

    expect(third.totalHits).toBe(3);
  });

  it('counts concurrent hits from several replicas exactly once each (atomic)', async () => {
    const replicas = await Promise.all([replica(), replica(), replica()]);

    const records = await Promise.all(
      Array.from({ length: 60 }, (_unused, index) =>
        replicas[index % replicas.length].increment('race', WINDOW_MS, 25, WINDOW_MS, 'ip'),
      ),
    );

    const allowed = records.filter((record) => !record.isBlocked);
    expect(allowed).toHaveLength(25);
    expect(allowed.map((record) => record.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_unused, index) => index + 1),
    );
  });

  it('gives each counter an expiry of the window, and starts again once it is gone', async () => {
    const sut = await replica();
    await sut.increment('expiry', 5_000, 100, 5_000, 'ip');

    const [hitsKey] = await admin.keys(`${prefix}{expiry}:hits`);
    const ttl = await admin.pttl(hitsKey);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(5_000);

    await admin.del(hitsKey); // what Redis does when the window ends
    await expect(sut.increment('expiry', 5_000, 100, 5_000, 'ip')).resolves.toMatchObject({
      totalHits: 1,
    });
  });

  it('keeps both keys of a counter under its prefix, in one Redis Cluster slot', async () => {
    await expect(admin.exists(`${prefix}{count}:hits`, `${prefix}{count}:block`)).resolves.toBe(2);
  });

  it('counts in memory, still limiting, while Redis cannot be reached', async () => {
    // Nothing listens on port 1: every command fails at once (no offline queue).
    const sut = await RedisThrottlerStorage.connect('redis://127.0.0.1:1', prefix);
    storages.push(sut);

    const records = [];
    for (let hit = 0; hit < 3; hit += 1) {
      records.push(await sut.increment('offline', WINDOW_MS, 2, WINDOW_MS, 'ip'));
    }

    expect(records.map((record) => record.isBlocked)).toEqual([false, false, true]);
  });
});
