import { type PatternHit, type ScanPattern } from '../text/pattern-scanner';
import { type Fact, FACT_NAMES, type FactName, type TriageContext } from '../types';
import { FACT_EXTRACTORS } from './fact-extractors';

/** Distinct values kept per fact: enough for "previously 6.8.0-55, now 6.8.0-57" pastes. */
const MAX_VALUES_PER_FACT = 4;
/** Occurrences of one extractor looked at; a fact is read near the top of a paste anyway. */
const MAX_HITS_PER_EXTRACTOR = 32;

const FACT_PATTERN_PREFIX = 'fact#';

/** The fact extractors as scanner patterns, scanned in the same pass as the signals. */
export const FACT_SCAN_PATTERNS: readonly ScanPattern[] = FACT_EXTRACTORS.map(
  (extractor, index) => ({
    id: `${FACT_PATTERN_PREFIX}${index}`,
    source: extractor.pattern,
    maxHits: MAX_HITS_PER_EXTRACTOR,
  }),
);

/** Facts read from the text, each with the first line it was seen on, in order of appearance. */
export function factsFromHits(hits: ReadonlyMap<string, PatternHit[]>): Fact[] {
  const found = new Map<string, Fact>();
  for (const [id, patternHits] of hits) {
    if (!id.startsWith(FACT_PATTERN_PREFIX)) continue;
    const extractor = FACT_EXTRACTORS[Number(id.slice(FACT_PATTERN_PREFIX.length))];
    for (const hit of patternHits) {
      const raw = extractor.value ? extractor.value(hit.groups) : hit.groups.find(Boolean);
      const value = raw?.trim();
      if (!value) continue;
      const key = `${extractor.fact}\u0000${value.toLowerCase().replace(/\s+/g, '')}`;
      const previous = found.get(key);
      if (!previous || (previous.line ?? 0) > hit.line) {
        found.set(key, { name: extractor.fact, value, source: 'text', line: hit.line });
      }
    }
  }
  const byName = new Map<FactName, Fact[]>();
  for (const fact of [...found.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))) {
    const values = byName.get(fact.name) ?? [];
    if (values.length < MAX_VALUES_PER_FACT && !values.some((v) => covers(v.value, fact.value))) {
      values.push(fact);
    }
    byName.set(fact.name, values);
  }
  return FACT_NAMES.flatMap((name) => byName.get(name) ?? []);
}

/** `5.4.0-189-generic` already says what `5.4.0-189` says. */
function covers(kept: string, candidate: string): boolean {
  const a = kept.toLowerCase();
  const b = candidate.toLowerCase();
  return a.startsWith(b) || b.startsWith(a);
}

const FACT_NAME_BY_LOWER = new Map(FACT_NAMES.map((name) => [name.toLowerCase(), name]));

/** Facts the user stated, named as in the API context (`components` keys are fact names). */
export function contextFacts(context: TriageContext | undefined): Fact[] {
  if (!context) return [];
  const stated: [string, string | undefined][] = [
    ['kernel', context.kernel],
    ['os', context.os],
    ['kubernetes', context.kubernetes],
    ...Object.entries(context.components ?? {}),
  ];
  const facts: Fact[] = [];
  for (const [key, value] of stated) {
    const name = FACT_NAME_BY_LOWER.get(key.replace(/[-_\s]/g, '').toLowerCase());
    if (name && typeof value === 'string' && value.trim()) {
      facts.push({ name, value: value.trim(), source: 'context' });
    }
  }
  return facts;
}

/** Stated facts win: a fact named in the context replaces every value read from the text. */
export function mergeFacts(fromText: Fact[], fromContext: Fact[]): Fact[] {
  const stated = new Set(fromContext.map((fact) => fact.name));
  return [...fromContext, ...fromText.filter((fact) => !stated.has(fact.name))];
}
