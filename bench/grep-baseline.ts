import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/**
 * The knowledge base's regexes as a `grep -E` patterns file: the same regex set, written in
 * POSIX ERE (with GNU's \w \s \S \b, which grep supports). RE2-only syntax is rewritten:
 * \d → [0-9], non-capturing and flag groups → plain groups, lazy quantifiers → greedy (same
 * matches for counting lines). Patterns ERE cannot express are left out and counted.
 */
export function toExtendedRegex(source: string): string | undefined {
  if (/\\[pPzAQE]|\(\?P?<|\(\?[=!]/.test(source)) return undefined;
  return source
    .replace(/\(\?[a-zA-Z]*:/g, '(')
    .replace(/\(\?[a-zA-Z]+\)/g, '')
    .replace(/\\d/g, '[0-9]')
    .replace(/\\D/g, '[^0-9]')
    .replace(/\\x60/g, '`')
    .replace(/([*+?}])\?/g, '$1');
}

export function writeGrepPatterns(
  sources: readonly string[],
  path: string,
): { written: number; skipped: number } {
  const converted = sources.map(toExtendedRegex);
  const written = converted.filter((pattern): pattern is string => pattern !== undefined);
  writeFileSync(path, `${written.join('\n')}\n`);
  return { written: written.length, skipped: converted.length - written.length };
}

/**
 * Wall-clock milliseconds of `LC_ALL=C grep -E -i -c -f patterns file` (its fastest mode), or
 * why there is no figure (it ran past the time it was given, or failed).
 */
export function timeGrep(
  patternsPath: string,
  file: string,
  timeoutMs: number,
): { ms: number } | { failed: string } {
  const started = performance.now();
  try {
    execFileSync('grep', ['-E', '-i', '-c', '-f', patternsPath, file], {
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: Math.max(1, Math.round(timeoutMs)),
    });
  } catch (error) {
    const { status, signal, message } = error as {
      status?: number;
      signal?: string;
      message: string;
    };
    // grep exits 1 when no line matched: still a complete run.
    if (status !== 1) {
      return {
        failed:
          signal === 'SIGTERM' ? `over ${Math.round(timeoutMs / 1000)} s` : message.split('\n')[0],
      };
    }
  }
  return { ms: performance.now() - started };
}
