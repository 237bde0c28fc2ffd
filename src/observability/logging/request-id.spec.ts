import { requestIdFrom } from './request-id';

const generate = () => 'generated';

describe(requestIdFrom.name, () => {
  it.each([
    '3f2b8c1e-9d4a-4e7b-8c6d-1a2b3c4d5e6f',
    'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    'edge-proxy:42.7',
  ])('keeps the acceptable id %s', (id) => {
    expect(requestIdFrom(id, generate)).toBe(id);
  });

  it('takes the first of repeated headers', () => {
    expect(requestIdFrom(['first', 'second'], generate)).toBe('first');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a line break', 'abc\n{"level":"info","msg":"forged"}'],
    ['spaces', 'a b'],
    ['quotes', 'a"b'],
    ['an over-long id', 'x'.repeat(129)],
  ])('generates a new id for %s', (_name, header) => {
    expect(requestIdFrom(header, generate)).toBe('generated');
  });

  it('generates UUIDs by default', () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
