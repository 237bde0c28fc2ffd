import Ajv, { type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';

import {
  compilePattern,
  type KnownIssue,
  parseRange,
  PatternCompileError,
  type SignalDefinition,
  VERSION_FACTS,
} from '../engine';
import { PATTERN_FILE_SCHEMA } from './pattern.schema';

/** One problem in one pattern file, located by field path (`signals[2].pattern`). */
export interface PatternProblem {
  field: string;
  message: string;
}

export type ParseOutcome =
  { ok: true; issue: KnownIssue } | { ok: false; problems: PatternProblem[] };

export const ISSUE_ID = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;

const ajv = new Ajv({ allErrors: true, strict: false });
const validateShape = ajv.compile<Omit<KnownIssue, 'id'>>(PATTERN_FILE_SCHEMA);

/** `/signals/2/pattern` → `signals[2].pattern` */
function fieldOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  const missing = error.keyword === 'required' ? String(error.params.missingProperty) : '';
  const extra =
    error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : '';
  return [path, missing || extra].filter(Boolean).join('.') || '(root)';
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return 'unknown field';
  if (error.keyword === 'oneOf')
    return 'needs exactly one of the alternatives (pattern/sequence, range/oneOf)';
  return error.message ?? error.keyword;
}

function signalPatterns(signal: SignalDefinition): string[] {
  return signal.sequence ?? (signal.pattern === undefined ? [] : [signal.pattern]);
}

/** Checks the schema cannot express: regexes compile in RE2, ranges parse, ids are unique. */
function semanticProblems(issue: KnownIssue): PatternProblem[] {
  const problems: PatternProblem[] = [];
  const seen = new Set<string>();
  issue.signals.forEach((signal, index) => {
    if (seen.has(signal.id)) {
      problems.push({
        field: `signals[${index}].id`,
        message: `duplicate signal id "${signal.id}"`,
      });
    }
    seen.add(signal.id);
    signalPatterns(signal).forEach((source, step) => {
      try {
        compilePattern({ id: signal.id, source, caseSensitive: signal.caseSensitive });
      } catch (error) {
        const field = signal.sequence
          ? `signals[${index}].sequence[${step}]`
          : `signals[${index}].pattern`;
        const reason = error instanceof PatternCompileError ? error.message : String(error);
        problems.push({ field, message: `not a valid RE2 (linear-time) regex: ${reason}` });
      }
    });
  });
  issue.affected.forEach((condition, index) => {
    if (condition.range === undefined) return;
    if (!VERSION_FACTS.has(condition.fact)) {
      problems.push({
        field: `affected[${index}].range`,
        message: `${condition.fact} is not a version; use oneOf`,
      });
      return;
    }
    try {
      parseRange(condition.range);
    } catch (error) {
      problems.push({ field: `affected[${index}].range`, message: (error as Error).message });
    }
  });
  return problems;
}

/** Parses and validates one pattern file's content; never throws. */
export function parseKnownIssue(id: string, content: string): ParseOutcome {
  if (!ISSUE_ID.test(id)) {
    return {
      ok: false,
      problems: [
        { field: '(file name)', message: `"${id}" is not a valid id (lower-case kebab-case)` },
      ],
    };
  }
  const document = parseDocument(content, { prettyErrors: true });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({ field: '(yaml)', message: error.message })),
    };
  }
  const data: unknown = document.toJS();
  if (!validateShape(data)) {
    return {
      ok: false,
      problems: (validateShape.errors ?? []).map((error) => ({
        field: fieldOf(error),
        message: describe(error),
      })),
    };
  }
  const issue: KnownIssue = {
    ...data,
    id,
    affected: data.affected ?? [],
    confirm: data.confirm ?? [],
  };
  const problems = semanticProblems(issue);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, issue };
}
