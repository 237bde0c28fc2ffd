import { TfIdf } from 'natural/lib/natural/tfidf';

import { type KnownIssue } from '../types';
import { tokenize } from './tokenize';

type Vector = Map<string, number>;

export interface SimilarityMatch {
  /** Cosine similarity in [0, 1]. */
  score: number;
  /** The symptom phrasing closest to the text. */
  closest: string;
}

interface IssueVectors {
  issueId: string;
  whole: Vector;
  phrasings: { text: string; vector: Vector }[];
}

function counts(tokens: string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const token of tokens) result.set(token, (result.get(token) ?? 0) + 1);
  return result;
}

function norm(vector: Vector): number {
  let sum = 0;
  for (const value of vector.values()) sum += value * value;
  return Math.sqrt(sum);
}

function cosine(a: Vector, b: Vector, normA: number): number {
  const normB = norm(b);
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small) dot += value * (large.get(term) ?? 0);
  return dot / (normA * normB);
}

/**
 * TF-IDF similarity between a paste and the symptom descriptions of every known issue. The IDF
 * comes from natural's TfIdf over one document per issue (title, summary, symptoms), so words
 * shared by every entry ("pod", "node") weigh little. Terms the knowledge base never uses are
 * left out of the query vector: a long log's unrelated words must not dilute the few that matter.
 */
export class SymptomIndex {
  private readonly issues: IssueVectors[];
  private readonly idf = new Map<string, number>();

  constructor(issues: readonly KnownIssue[]) {
    // natural's TfIdf gives the IDF; the vectors are built here, over one document per issue.
    const tfidf = new TfIdf();
    const documents = issues.map((issue) => {
      const phrasings = [...issue.symptoms.en, ...issue.symptoms.zh];
      const tokens = tokenize(
        [issue.title.en, issue.title.zh, issue.summary ?? '', ...phrasings, ...phrasings].join(
          '\n',
        ),
      );
      tfidf.addDocument(tokens);
      return { issue, phrasings, tokens };
    });
    for (const { tokens } of documents) {
      for (const token of tokens) {
        if (!this.idf.has(token)) this.idf.set(token, tfidf.idf(token));
      }
    }
    this.issues = documents.map(({ issue, phrasings, tokens }) => ({
      issueId: issue.id,
      whole: this.weigh(counts(tokens)),
      phrasings: phrasings.map((text) => ({ text, vector: this.weigh(counts(tokenize(text))) })),
    }));
  }

  /** Sub-linear term frequency times IDF, over the knowledge base's vocabulary only. */
  private weigh(termCounts: Map<string, number>): Vector {
    const vector: Vector = new Map();
    for (const [term, count] of termCounts) {
      const idf = this.idf.get(term);
      if (idf !== undefined) vector.set(term, (1 + Math.log(count)) * idf);
    }
    return vector;
  }

  /** Similarity of the text to each issue: the best single phrasing blended with the whole entry. */
  match(text: string): Map<string, SimilarityMatch> {
    const query = this.weigh(counts(tokenize(text)));
    const queryNorm = norm(query);
    const result = new Map<string, SimilarityMatch>();
    if (queryNorm === 0) return result;
    for (const issue of this.issues) {
      let best = 0;
      let closest = '';
      for (const phrasing of issue.phrasings) {
        const score = cosine(query, phrasing.vector, queryNorm);
        if (score > best) {
          best = score;
          closest = phrasing.text;
        }
      }
      const score = 0.65 * best + 0.35 * cosine(query, issue.whole, queryNorm);
      if (score > 0) result.set(issue.issueId, { score, closest });
    }
    return result;
  }
}
