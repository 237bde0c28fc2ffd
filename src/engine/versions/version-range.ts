import semver from 'semver';

import { compareKernelVersions, type KernelVersion, parseKernelVersion } from './kernel-version';

/**
 * A version range in the knowledge base: comparators joined by spaces (and) and `||` (or), as
 * in npm: `>=3.27.3 <3.27.4 || >=3.28.0 <3.28.1`. Kernel ranges use the kernel comparison;
 * every other fact uses semver, with distribution build tags ignored.
 */
type Operator = '<' | '<=' | '>' | '>=' | '=';

interface Comparator {
  operator: Operator;
  bound: string;
}

const COMPARATOR = /^(<=|>=|<|>|=)?\s*(v?\d[\w.+-]*)$/;

export class VersionRangeError extends Error {}

export function parseRange(range: string): Comparator[][] {
  const alternatives = range.split('||').map((alternative) => alternative.trim());
  return alternatives.map((alternative) => {
    if (!alternative) throw new VersionRangeError(`empty alternative in range "${range}"`);
    // Allow `>= 1.2` as well as `>=1.2`.
    const tokens = alternative.replace(/(<=|>=|<|>|=)\s+/g, '$1').split(/\s+/);
    return tokens.map((token) => {
      const match = COMPARATOR.exec(token);
      if (!match) throw new VersionRangeError(`cannot read "${token}" in range "${range}"`);
      return { operator: (match[1] ?? '=') as Operator, bound: match[2] };
    });
  });
}

/**
 * Turns what a paste prints into a comparable semver: `v1.30.11+rke2r1` → 1.30.11,
 * `v1.28.6-eks-508b6b3` → 1.28.6 (a vendor build, not a pre-release), `3.11` → 3.11.0,
 * while a real pre-release such as `v1.30.0-rc.1` keeps ordering before 1.30.0.
 */
export function toSemver(value: string): semver.SemVer | undefined {
  const cleaned = value.trim().replace(/^v/i, '');
  const parsed = semver.parse(cleaned, { loose: true });
  if (parsed) {
    const isRealPrerelease = parsed.prerelease.some(
      (part) => typeof part === 'string' && /^(alpha|beta|rc|pre|dev)/i.test(part),
    );
    return isRealPrerelease
      ? parsed
      : (semver.parse(`${parsed.major}.${parsed.minor}.${parsed.patch}`) ?? undefined);
  }
  return semver.coerce(cleaned) ?? undefined;
}

function holds(comparison: number, operator: Operator): boolean {
  switch (operator) {
    case '<':
      return comparison < 0;
    case '<=':
      return comparison <= 0;
    case '>':
      return comparison > 0;
    case '>=':
      return comparison >= 0;
    case '=':
      return comparison === 0;
  }
}

function comparatorFor(
  kind: 'kernel' | 'semver',
): (value: string, bound: string) => number | undefined {
  if (kind === 'kernel') {
    return (value, bound) => {
      const a: KernelVersion | undefined = parseKernelVersion(value);
      const b: KernelVersion | undefined = parseKernelVersion(bound);
      return a && b ? compareKernelVersions(a, b) : undefined;
    };
  }
  return (value, bound) => {
    const a = toSemver(value);
    const b = toSemver(bound);
    return a && b ? semver.compare(a, b) : undefined;
  };
}

/** True/false when the value is (not) in the range; undefined when the value is not a version. */
export function versionSatisfies(
  value: string,
  range: string,
  kind: 'kernel' | 'semver',
): boolean | undefined {
  const compare = comparatorFor(kind);
  const alternatives = parseRange(range);
  let comparable = false;
  for (const alternative of alternatives) {
    let all = true;
    for (const { operator, bound } of alternative) {
      const comparison = compare(value, bound);
      if (comparison === undefined) {
        all = false;
        continue;
      }
      comparable = true;
      if (!holds(comparison, operator)) all = false;
    }
    if (all && comparable) return true;
  }
  return comparable ? false : undefined;
}
