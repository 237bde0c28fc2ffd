import { createHash } from 'node:crypto';

import { API_KEY_PATTERN, ApiKeyGenerator, hashApiKey, shownPrefixOf } from './api-key-secret';

describe(ApiKeyGenerator.name, () => {
  it('issues distinct kt_ keys of 256 random bits', () => {
    const sut = new ApiKeyGenerator();

    const keys = new Set(Array.from({ length: 100 }, () => sut.generate()));

    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
  });
});

describe(hashApiKey.name, () => {
  it('is the hex SHA-256 of the key', () => {
    expect(hashApiKey('kt_abc')).toBe(createHash('sha256').update('kt_abc').digest('hex'));
  });
});

describe(shownPrefixOf.name, () => {
  it('keeps kt_ and six characters', () => {
    expect(shownPrefixOf(`kt_${'x'.repeat(43)}`)).toBe('kt_xxxxxx');
  });
});
