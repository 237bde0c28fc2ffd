import { parseRange, toSemver, versionSatisfies } from './version-range';

describe('versionSatisfies', () => {
  it.each([
    ['5.4.0-189-generic', '>=5.4 <5.5', true],
    ['5.4.273-1.el7.elrepo.x86_64', '>=5.4 <5.5', true],
    ['5.15.0-105-generic', '>=5.4 <5.5', false],
    ['3.10.0-1160.el7.x86_64', '<4.1', true],
    ['6.8.0-57-generic', '>=6.8.0-57 <6.8.0-58', true],
    ['6.8.0-55-generic', '>=6.8.0-57 <6.8.0-58', false],
    ['6.8.0-58', '>=6.8.0-57 <6.8.0-58', false],
    ['5.9', '<5.9', false],
    ['4.16.0', '<5.9', true],
  ])('kernel %s in %s → %s', (value, range, expected) => {
    expect(versionSatisfies(value, range, 'kernel')).toBe(expected);
  });

  it.each([
    ['v3.27.3', '>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1', true],
    ['3.28.0', '>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1', true],
    ['3.28.1', '>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1', false],
    ['3.26.4', '>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1', false],
    ['v1.30.11+rke2r1', '>=1.26.0 <1.30.0', false],
    ['v1.29.3+k3s1', '>=1.26.0 <1.30.0', true],
    ['v1.28.6-eks-508b6b3', '>=1.28.6', true],
    ['v1.30.0-rc.1', '<1.30.0', true],
    ['3.11', '<3.20', true],
    ['1.13.4', '<1.18', true],
  ])('semver %s in %s → %s', (value, range, expected) => {
    expect(versionSatisfies(value, range, 'semver')).toBe(expected);
  });

  it('says nothing about a value that is not a version', () => {
    expect(versionSatisfies('unknown', '<1.30.0', 'semver')).toBeUndefined();
    expect(versionSatisfies('latest', '<5.7', 'kernel')).toBeUndefined();
  });
});

describe('parseRange', () => {
  it('reads spaced operators and alternatives', () => {
    expect(parseRange('>= 1.26.0 < 1.30.0 || =1.31.2')).toEqual([
      [
        { operator: '>=', bound: '1.26.0' },
        { operator: '<', bound: '1.30.0' },
      ],
      [{ operator: '=', bound: '1.31.2' }],
    ]);
  });

  it('rejects garbage with the offending token', () => {
    expect(() => parseRange('>=1.2 banana')).toThrow(/banana/);
    expect(() => parseRange('>=1.2 ||')).toThrow(/empty/);
  });
});

describe('toSemver', () => {
  it('keeps real pre-releases and drops vendor builds', () => {
    expect(toSemver('v1.30.0-rc.1')?.version).toBe('1.30.0-rc.1');
    expect(toSemver('v1.28.6-eks-508b6b3')?.version).toBe('1.28.6');
    expect(toSemver('v1.30.11+rke2r1')?.version).toBe('1.30.11');
  });
});
