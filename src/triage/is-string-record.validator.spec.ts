import { isStringRecord } from './is-string-record.validator';

describe(isStringRecord.name, () => {
  it('accepts a map of component names to versions', () => {
    expect(isStringRecord({ calico: '3.27.3', kubeVip: 'v0.8.0' })).toBe(true);
    expect(isStringRecord({})).toBe(true);
  });

  it.each([
    ['an array', ['3.27.3']],
    ['null', null],
    ['a number value', { calico: 3.27 }],
    ['an empty value', { calico: '' }],
    ['a key that is not a name', { 'calico version': '3.27.3' }],
    ['a very long value', { calico: 'x'.repeat(101) }],
  ])('refuses %s', (_name, value) => {
    expect(isStringRecord(value)).toBe(false);
  });
});
