import { readFileSync } from 'node:fs';

import { TriageEngine } from '../src/engine';
import { loadKnowledgeBase } from '../src/knowledge-base/pattern-loader';
import { redactSecretsInBuffer } from '../src/redaction/redact-secrets';

/**
 * Run as its own process (`node dist/bench/memory-child.js <patterns dir> <log file>`), so the
 * peak RSS it reports belongs to one triage of one large log, on the path a large text/plain
 * paste takes: bytes in, redacted, matched.
 */
function main(): void {
  const [patternsDir, file] = process.argv.slice(2);
  const engine = new TriageEngine(loadKnowledgeBase(patternsDir).issues);
  engine.triage('warm-up: failed to wipe the XDP state');
  const baselineRss = process.memoryUsage().rss;
  const bytes = readFileSync(file);
  const redacted = redactSecretsInBuffer(bytes).buffer;
  const result = engine.triage(redacted);
  const peakRss = peakResidentBytes();
  process.stdout.write(
    JSON.stringify({
      inputBytes: bytes.length,
      baselineRss,
      peakRss,
      causes: result.causes.length,
      totalMs: result.timings.totalMs,
    }),
  );
}

/**
 * The high-water mark of this process's memory. Linux keeps getrusage's maxRSS across exec, so
 * a child started by a large parent would report the parent's peak; VmHWM belongs to the
 * address space exec created.
 */
function peakResidentBytes(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kilobytes = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
    if (kilobytes) return Number(kilobytes) * 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS * 1024;
}

main();
