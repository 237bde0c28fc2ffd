import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { TriageEngine } from '../src/engine';
import { loadKnowledgeBase } from '../src/knowledge-base/pattern-loader';
import { Bm25Baseline } from './bm25-baseline';
import { httpBench } from './http';
import {
  baselineQuality,
  engineQuality,
  examplesAsCases,
  type QualityScores,
  readEvalSet,
} from './quality';
import { adversarial, growth, makeLogs, throughput, workDir } from './speed';
import { type Panel, renderChart } from './svg-chart';

/**
 * `npm run bench [-- section ...]`: quality, throughput, growth, memory, adversarial, http.
 * Every figure sits beside a baseline measured in the same run; results go to bench/results/.
 */
const root = resolve(__dirname, __dirname.includes(join('dist', 'bench')) ? '../..' : '..');
const resultsDir = join(root, 'bench', 'results');
const evalPath = process.env.EVAL_SET ?? resolve(root, '..', 'shared', 'eval', 'dev.jsonl');
const SECTIONS = ['quality', 'throughput', 'growth', 'memory', 'adversarial', 'http'] as const;
type Section = (typeof SECTIONS)[number];

const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;
const fixed = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? 'n/a' : value.toFixed(digits);

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]): string =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const wanted = process.argv
    .slice(2)
    .filter((arg) => (SECTIONS as readonly string[]).includes(arg)) as Section[];
  const sections = new Set<Section>(wanted.length > 0 ? wanted : SECTIONS);
  const started = performance.now();
  const knowledgeBase = loadKnowledgeBase(join(root, 'patterns'));
  if (knowledgeBase.errors.length > 0)
    console.error('pattern files with errors:', knowledgeBase.errors);
  const issues = knowledgeBase.issues;
  const engine = new TriageEngine(issues);
  const results: Record<string, unknown> = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    knowledgeBase: issues.length,
  };
  const summary: string[] = [
    `knowledge base: ${issues.length} entries; machine: ${(results.machine as { cpus: number }).cpus} CPUs, Node ${process.version}`,
  ];
  const panels: Panel[] = [];
  mkdirSync(resultsDir, { recursive: true });

  if (sections.has('quality')) {
    const baseline = new Bm25Baseline(issues);
    const sets = [
      { name: 'dev set', cases: readEvalSet(evalPath) },
      { name: 'pattern examples', cases: examplesAsCases(issues) },
    ].filter((set) => set.cases.length > 0);
    const quality: Record<string, { engine: QualityScores; baseline: QualityScores }> = {};
    for (const set of sets)
      quality[set.name] = {
        engine: engineQuality(engine, set.cases),
        baseline: baselineQuality(baseline, set.cases),
      };
    results.quality = quality;
    summary.push(
      '',
      '## Quality (ours / BM25 baseline)',
      table(
        ['set', 'cases', 'top-1', 'top-3', 'unrelated with no cause'],
        Object.entries(quality).map(([name, { engine: ours, baseline: theirs }]) => [
          name,
          `${ours.related}+${ours.unrelated}`,
          `${pct(ours.top1)} / ${pct(theirs.top1)}`,
          `${pct(ours.top3)} / ${pct(theirs.top3)}`,
          `${pct(ours.unrelatedSilent)} / ${pct(theirs.unrelatedSilent)}`,
        ]),
      ),
    );
    for (const [name, { engine: ours }] of Object.entries(quality)) {
      for (const miss of ours.misses)
        summary.push(
          `- miss (${name}) ${miss.id}: expected ${miss.expected.join('|') || 'no cause'}, got ${miss.got.join(', ') || 'no cause'}`,
        );
    }
    const dev = quality['dev set'];
    if (dev) {
      panels.push({
        title: 'Quality on the dev set',
        unit: 'share of pastes, %',
        groups: [
          {
            label: 'top-1',
            values: [
              { series: 'kubetriage', value: dev.engine.top1 * 100 },
              { series: 'BM25 only', value: dev.baseline.top1 * 100 },
            ],
          },
          {
            label: 'top-3',
            values: [
              { series: 'kubetriage', value: dev.engine.top3 * 100 },
              { series: 'BM25 only', value: dev.baseline.top3 * 100 },
            ],
          },
          {
            label: 'unrelated → none',
            values: [
              { series: 'kubetriage', value: dev.engine.unrelatedSilent * 100 },
              { series: 'BM25 only', value: dev.baseline.unrelatedSilent * 100 },
            ],
          },
        ],
      });
    }
  }

  const needsLogs = ['throughput', 'growth', 'memory'].some((section) =>
    sections.has(section as Section),
  );
  const logs = needsLogs ? makeLogs([1, 10, 50]) : [];

  if (sections.has('throughput')) {
    const { rows, grepPatterns } = throughput(
      engine,
      issues,
      logs,
      Number(process.env.GREP_BUDGET_MS ?? 300_000),
    );
    results.throughput = { rows, grepPatterns };
    summary.push(
      '',
      `## Scan throughput (grep: LC_ALL=C grep -E -i -c -f, ${grepPatterns.written} of the same regexes, ${grepPatterns.skipped} not expressible in ERE)`,
      table(
        ['log', 'kubetriage', 'ms/MB', 'grep', 'vs grep', 'found the buried failures'],
        rows.map((row) => [
          `${row.sizeMb} MB`,
          `${fixed(row.engineMs, 0)} ms (${fixed(row.engineMbPerS)} MB/s)`,
          fixed(row.msPerMb),
          row.grepMs === null
            ? (row.grepNote ?? 'n/a')
            : `${fixed(row.grepMs, 0)} ms (${fixed(row.grepMbPerS, 2)} MB/s)`,
          row.vsGrep === null ? 'n/a' : `${fixed(row.vsGrep)}×`,
          row.foundBuriedFailures ? 'yes' : 'NO',
        ]),
      ),
    );
    panels.push({
      title: 'Scan throughput, realistic node logs',
      unit: 'MB/s',
      log: true,
      groups: rows.map((row) => ({
        label: `${row.sizeMb} MB`,
        values: [
          { series: 'kubetriage', value: row.engineMbPerS },
          { series: 'grep -E -f (same regexes)', value: row.grepMbPerS ?? 0 },
        ],
      })),
    });
  }

  if (sections.has('growth')) {
    const tenMb = logs.find((log) => log.sizeMb === 10);
    if (tenMb) {
      const rows = growth(issues, tenMb, [50, 500, 5000]);
      results.growth = rows;
      summary.push(
        '',
        '## Growth with the knowledge base (same 10 MB log)',
        table(
          [
            'entries',
            'regexes',
            'build',
            'triage',
            'vs 50 entries',
            'by literal / in RE2.Sets',
            'still finds the failure',
          ],
          rows.map((row) => [
            row.entries,
            row.patterns,
            `${fixed(row.buildMs, 0)} ms`,
            `${fixed(row.triageMs, 0)} ms`,
            `${fixed(row.vsSmallest, 2)}×`,
            `${row.prefiltered} / ${row.inSets}`,
            row.stillFindsBuriedFailures ? 'yes' : 'NO',
          ]),
        ),
      );
      panels.push({
        title: 'Growth: 10 MB log vs knowledge-base size',
        unit: 'triage time, ms',
        groups: rows.map((row) => ({
          label: `${row.entries} entries`,
          values: [{ series: 'kubetriage', value: row.triageMs }],
        })),
      });
    }
  }

  if (sections.has('memory')) {
    const fifty = logs.find((log) => log.sizeMb === 50);
    if (fifty) {
      const output = execFileSync(
        process.execPath,
        [join(root, 'dist', 'bench', 'memory-child.js'), join(root, 'patterns'), fifty.path],
        { maxBuffer: 1 << 20 },
      ).toString();
      const memory = JSON.parse(output) as {
        inputBytes: number;
        baselineRss: number;
        peakRss: number;
        totalMs: number;
      };
      const ratio = memory.peakRss / memory.inputBytes;
      const overBaseline = (memory.peakRss - memory.baselineRss) / memory.inputBytes;
      results.memory = { ...memory, peakOverInput: ratio, growthOverInput: overBaseline };
      summary.push(
        '',
        '## Memory (read, redact and triage a 50 MB log in one process)',
        table(
          ['input', 'RSS before', 'peak RSS', 'peak / input', '(peak − before) / input'],
          [
            [
              `${(memory.inputBytes / 2 ** 20).toFixed(0)} MB`,
              `${(memory.baselineRss / 2 ** 20).toFixed(0)} MB`,
              `${(memory.peakRss / 2 ** 20).toFixed(0)} MB`,
              `${ratio.toFixed(2)}×`,
              `${overBaseline.toFixed(2)}×`,
            ],
          ],
        ),
      );
    }
  }

  if (sections.has('adversarial')) {
    const rows = adversarial(engine, issues, 512 * 1024);
    const normal = logs.find((log) => log.sizeMb === 10);
    const normalMsPerMb = normal ? engine.triage(normal.text).timings.totalMs / 10 : undefined;
    const worst = [...rows].sort((a, b) => b.msPerMb - a.msPerMb);
    results.adversarial = { inputs: rows.length, normalMsPerMb, worst: worst.slice(0, 10) };
    summary.push(
      '',
      `## Adversarial inputs (${rows.length} inputs of 512 KB: every required literal as near-misses, plus backtracking baits)`,
      table(
        ['worst inputs', 'ms/MB', 'vs a normal log'],
        worst
          .slice(0, 5)
          .map((row) => [
            row.input,
            fixed(row.msPerMb),
            normalMsPerMb ? `${(row.msPerMb / normalMsPerMb).toFixed(1)}×` : 'n/a',
          ]),
      ),
    );
  }

  if (sections.has('http')) {
    const paste = (
      issues.find((issue) => issue.id === 'calico-xdp-kernel-5.4')?.examples.match[0].text ?? ''
    ).padEnd(
      4096,
      '\n2024-05-30 08:10:02.301 [INFO][65] felix/health.go 336: Overall health status changed: live=true ready=true',
    );
    const http = await httpBench(
      root,
      workDir,
      paste.slice(0, 4096),
      [1, 16, 64],
      Number(process.env.HTTP_SECONDS ?? 5),
    );
    results.http = http;
    summary.push(
      '',
      `## HTTP: POST /api/v1/triage, 4 KB paste, SQLite, analyses stored (${http.stored} stored for ${http.sent} answers counted, warm-ups included; requests in flight when a run's time ended were stored but not counted)`,
      table(
        [
          'connections',
          'kubetriage req/s',
          'p50 / p99',
          'bare express req/s',
          'p50 / p99',
          'share of bare',
        ],
        [1, 16, 64].map((connections) => {
          const ours = http.rows.find(
            (row) => row.target === 'kubetriage' && row.connections === connections,
          );
          const bare = http.rows.find(
            (row) => row.target === 'bare express' && row.connections === connections,
          );
          return [
            connections,
            fixed(ours?.requestsPerS, 0),
            `${ours?.p50Ms} / ${ours?.p99Ms} ms`,
            fixed(bare?.requestsPerS, 0),
            `${bare?.p50Ms} / ${bare?.p99Ms} ms`,
            ours && bare ? pct(ours.requestsPerS / bare.requestsPerS) : 'n/a',
          ];
        }),
      ),
    );
    panels.push({
      title: 'HTTP: POST /api/v1/triage (4 KB paste)',
      unit: 'requests/s',
      groups: [1, 16, 64].map((connections) => ({
        label: `${connections} conn.`,
        values: http.rows
          .filter((row) => row.connections === connections)
          .map((row) => ({ series: row.target, value: row.requestsPerS })),
      })),
    });
  }

  const seconds = (performance.now() - started) / 1000;
  summary.push('', `bench took ${seconds.toFixed(0)} s`);
  results.seconds = seconds;
  writeFileSync(
    join(
      resultsDir,
      `${sections.size === SECTIONS.length ? 'results' : [...sections].join('-')}.json`,
    ),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  writeFileSync(join(resultsDir, 'summary.md'), `${summary.join('\n')}\n`);
  if (panels.length > 0)
    writeFileSync(
      join(resultsDir, 'chart.svg'),
      renderChart('kubetriage benchmarks (same run, same machine)', panels),
    );
  console.log(summary.join('\n'));
  rmSync(workDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
