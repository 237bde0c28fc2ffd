import { constantTimeEqual } from './constant-time-equal';

describe(constantTimeEqual.name, () => {
  it('accepts equal values and refuses different ones of any length', () => {
    expect(constantTimeEqual('v0=abc', 'v0=abc')).toBe(true);
    expect(constantTimeEqual('v0=abc', 'v0=abd')).toBe(false);
    expect(constantTimeEqual('v0=abc', 'v0=ab')).toBe(false);
    expect(constantTimeEqual('v0=abc', '')).toBe(false);
    expect(constantTimeEqual(Buffer.from('x'), Buffer.from('x'))).toBe(true);
  });
});
