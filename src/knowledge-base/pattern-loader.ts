import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

import { type KnownIssue } from '../engine';
import { parseKnownIssue } from './parse-known-issue';

export interface PatternLoadError {
  file: string;
  field: string;
  message: string;
}

export interface LoadedKnowledgeBase {
  issues: KnownIssue[];
  errors: PatternLoadError[];
  /** sha256 of each valid file's content, by issue id: a changed file updates its row. */
  hashes: Record<string, string>;
}

const PATTERN_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Loads every pattern file of a folder. A broken file is reported with its name and field and
 * left out; it never stops the others from loading.
 */
export function loadKnowledgeBase(directory: string): LoadedKnowledgeBase {
  const result: LoadedKnowledgeBase = { issues: [], errors: [], hashes: {} };
  const files = readdirSync(directory)
    .filter((file) => PATTERN_EXTENSIONS.has(extname(file)))
    .sort();
  for (const file of files) {
    const id = basename(file, extname(file));
    let content: string;
    try {
      content = readFileSync(join(directory, file), 'utf8');
    } catch (error) {
      result.errors.push({ file, field: '(file)', message: (error as Error).message });
      continue;
    }
    if (result.hashes[id] !== undefined) {
      result.errors.push({ file, field: '(file name)', message: `id "${id}" is defined twice` });
      continue;
    }
    const outcome = parseKnownIssue(id, content);
    if (!outcome.ok) {
      result.errors.push(...outcome.problems.map((problem) => ({ file, ...problem })));
      continue;
    }
    result.issues.push(outcome.issue);
    result.hashes[id] = createHash('sha256').update(content).digest('hex');
  }
  return result;
}
