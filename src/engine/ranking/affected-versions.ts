import { type AffectedCondition, type Fact, VERSION_FACTS } from '../types';
import { versionSatisfies } from '../versions/version-range';

export interface ConditionVerdict {
  condition: AffectedCondition;
  /** in: some value fits; out: every value read is outside; unknown: no (comparable) value. */
  verdict: 'in' | 'out' | 'unknown';
  /** The fact the verdict rests on. */
  fact?: Fact;
}

function describeRange(condition: AffectedCondition): string {
  return condition.range ?? `one of ${(condition.oneOf ?? []).join(', ')}`;
}

function fits(condition: AffectedCondition, value: string): boolean | undefined {
  if (condition.oneOf) {
    const lower = value.toLowerCase();
    return condition.oneOf.some((option) => lower.startsWith(option.toLowerCase()));
  }
  if (!condition.range) return undefined;
  if (!VERSION_FACTS.has(condition.fact)) return undefined;
  return versionSatisfies(
    value,
    condition.range,
    condition.fact === 'kernel' ? 'kernel' : 'semver',
  );
}

/** Judges one affected-version condition against every value read for its fact. */
export function judgeCondition(
  condition: AffectedCondition,
  facts: readonly Fact[],
): ConditionVerdict {
  let outside: Fact | undefined;
  for (const fact of facts) {
    if (fact.name !== condition.fact) continue;
    const verdict = fits(condition, fact.value);
    if (verdict === true) return { condition, verdict: 'in', fact };
    if (verdict === false) outside ??= fact;
  }
  return outside ? { condition, verdict: 'out', fact: outside } : { condition, verdict: 'unknown' };
}

function where(fact: Fact): string {
  return fact.source === 'context' ? 'stated in the request context' : `line ${fact.line}`;
}

export function explainVerdict({ condition, verdict, fact }: ConditionVerdict): string | undefined {
  const range = describeRange(condition);
  switch (verdict) {
    case 'in':
      return `${condition.fact} ${fact?.value} (${fact && where(fact)}) is within the affected range ${range}`;
    case 'out':
      return condition.exclusive
        ? `${condition.fact} ${fact?.value} (${fact && where(fact)}) is outside the affected range ${range}: excluded`
        : `${condition.fact} ${fact?.value} (${fact && where(fact)}) is outside the affected range ${range}: less likely`;
    case 'unknown':
      return condition.weight
        ? `${condition.fact} version not found in the paste (affected: ${range}): neither confirms nor excludes`
        : undefined;
  }
}
