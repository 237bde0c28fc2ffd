import { type KnownIssue } from '../src/engine';
import { tokenize } from '../src/engine/similarity/tokenize';

/**
 * The baseline the engine must beat: Okapi BM25 over each entry's text (title, summary,
 * symptoms, root cause, signal descriptions), with no regex, no facts and no threshold beyond
 * "some term overlaps". It uses the engine's tokenizer so Chinese pastes get a fair chance
 * (okapibm25 on npm splits on whitespace only, which would understate the baseline).
 */
export class Bm25Baseline {
  private readonly documents: { id: string; terms: Map<string, number>; length: number }[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(
    issues: readonly KnownIssue[],
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {
    this.documents = issues.map((issue) => {
      const text = [
        issue.title.en,
        issue.title.zh,
        issue.summary ?? '',
        ...issue.symptoms.en,
        ...issue.symptoms.zh,
        issue.rootCause,
        ...issue.signals.map((signal) => signal.description ?? ''),
      ].join('\n');
      const tokens = tokenize(text);
      const terms = new Map<string, number>();
      for (const token of tokens) terms.set(token, (terms.get(token) ?? 0) + 1);
      for (const term of terms.keys()) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
      return { id: issue.id, terms, length: tokens.length };
    });
    this.averageLength =
      this.documents.reduce((sum, document) => sum + document.length, 0) / this.documents.length;
  }

  /** Issue ids by BM25 score, best first; entries sharing no term with the text are left out. */
  rank(text: string): string[] {
    const query = new Set(tokenize(text));
    const count = this.documents.length;
    return this.documents
      .map((document) => {
        let score = 0;
        for (const term of query) {
          const frequency = document.terms.get(term);
          if (!frequency) continue;
          const df = this.documentFrequency.get(term) ?? 0;
          const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
          const norm = 1 - this.b + (this.b * document.length) / this.averageLength;
          score += (idf * frequency * (this.k1 + 1)) / (frequency + this.k1 * norm);
        }
        return { id: document.id, score };
      })
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((entry) => entry.id);
  }
}
