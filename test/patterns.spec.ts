import { join } from 'node:path';

import { TriageEngine } from '../src/engine';
import { loadKnowledgeBase } from '../src/knowledge-base/pattern-loader';
import { CATALOGUE_IDS } from './catalogue-ids';

const knowledgeBase = loadKnowledgeBase(join(__dirname, '..', 'patterns'));
const engine = new TriageEngine(knowledgeBase.issues);

describe('the knowledge base in patterns/', () => {
  it('loads every file without a schema or regex error', () => {
    expect(knowledgeBase.errors).toEqual([]);
  });

  it('has a pattern file for every catalogue id', () => {
    const ids = new Set(knowledgeBase.issues.map((issue) => issue.id));
    expect(CATALOGUE_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe.each(knowledgeBase.issues.map((issue) => [issue.id, issue] as const))(
  '%s examples',
  (_id, issue) => {
    const matches = issue.examples.match.map(
      (example, index) => [example.name ?? `match[${index}]`, example] as const,
    );
    const nonMatches = issue.examples.noMatch.map(
      (example, index) => [example.name ?? `noMatch[${index}]`, example] as const,
    );

    it.each(matches)('ranks first: %s', (_name, example) => {
      const { causes } = engine.triage(example.text, example.context);
      expect(causes.map((cause) => `${cause.issueId} ${cause.score}`)[0]).toMatch(
        new RegExp(`^${issue.id.replace(/\./g, '\\.')} `),
      );
    });

    it.each(nonMatches)('does not list it: %s', (_name, example) => {
      const { causes } = engine.triage(example.text, example.context);
      expect(causes.map((cause) => cause.issueId)).not.toContain(issue.id);
    });
  },
);
