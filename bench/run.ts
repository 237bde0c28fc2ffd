import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { TriageEngine } from '../src/engine';
import { loadKnowledgeBase } from '../src/knowledge-base/pattern-loader';
import { Bm25Baseline } from './bm25-baseline';
import {
  baselineQuality,
  engineQuality,
  examplesAsCases,
  type QualityScores,
  readEvalSet,
} from './quality';

const root = resolve(__dirname, '..', __dirname.includes(`${join('dist', 'bench')}`) ? '..' : '');
const evalPath = process.env.EVAL_SET ?? resolve(root, '..', 'shared', 'eval', 'dev.jsonl');
const resultsDir = join(root, 'bench', 'results');

const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;

function row(name: string, engine: QualityScores, baseline: QualityScores): string {
  return [
    name.padEnd(22),
    `${engine.related}+${engine.unrelated}`.padStart(7),
    `${pct(engine.top1).padStart(8)} ${pct(baseline.top1).padStart(8)}`,
    `${pct(engine.top3).padStart(8)} ${pct(baseline.top3).padStart(8)}`,
    `${pct(engine.unrelatedSilent).padStart(8)} ${pct(baseline.unrelatedSilent).padStart(8)}`,
  ].join(' | ');
}

function main(): void {
  const knowledgeBase = loadKnowledgeBase(join(root, 'patterns'));
  if (knowledgeBase.errors.length > 0) {
    console.error('pattern files with errors:', knowledgeBase.errors);
  }
  const engine = new TriageEngine(knowledgeBase.issues);
  const baseline = new Bm25Baseline(knowledgeBase.issues);

  const sets = [
    { name: 'dev set', cases: readEvalSet(evalPath) },
    { name: 'pattern examples', cases: examplesAsCases(knowledgeBase.issues) },
  ].filter((set) => set.cases.length > 0);

  console.log(`knowledge base: ${knowledgeBase.issues.length} entries`);
  if (!sets.some((set) => set.name === 'dev set')) console.log(`(no dev set at ${evalPath})`);
  console.log(
    `${'quality'.padEnd(22)} | related+unrelated | top-1 ours / BM25 | top-3 ours / BM25 | unrelated with no cause ours / BM25`,
  );
  const results: Record<string, { engine: QualityScores; baseline: QualityScores }> = {};
  for (const set of sets) {
    const ours = engineQuality(engine, set.cases);
    const theirs = baselineQuality(baseline, set.cases);
    results[set.name] = { engine: ours, baseline: theirs };
    console.log(row(set.name, ours, theirs));
    for (const miss of ours.misses) {
      console.log(
        `   miss ${miss.id}: expected ${miss.expected.join('|') || '(none)'}, got ${miss.got.join(', ') || '(none)'}`,
      );
    }
  }
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'quality.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main();
