import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { words as englishStopwords } from 'natural/lib/natural/util/stopwords';

const STOPWORDS = new Set<string>([
  ...englishStopwords,
  // Words every Kubernetes paste carries; they say nothing about which failure it is.
  'kubectl',
  'get',
  'info',
  'warn',
  'warning',
  'error',
  'level',
  'msg',
  'go',
  'io',
  'com',
  'http',
  'https',
  'www',
  'github',
  'the',
  // Chinese function words.
  '的',
  '了',
  '是',
  '在',
  '和',
  '也',
  '有',
  '我',
  '我们',
  '这个',
  '一个',
  '时',
  '后',
  '中',
]);

const HAN_RUN = /\p{Script=Han}+/gu;
/** Words of scripts written with spaces: letters, digits, underscore (log identifiers). */
const SPACED_WORD = /[\p{L}\p{N}_]+/gu;
/** Hashes, ids and long numbers are unique per paste: noise for similarity. */
const NOISE = /^(?:\d{4,}|[0-9a-f]{8,}|\d+[a-f]\w*\d\w*)$/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Porter stems of the words seen so far: the same few thousand words recur in every paste. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 50_000;

function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (stems.size < MAX_CACHED_STEMS) stems.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Tokens for text similarity. English words are lower-cased, stop-worded and Porter-stemmed;
 * Chinese is segmented into words by ICU (`Intl.Segmenter`) and also cut into character
 * bigrams, so "跨节点" in a query meets "跨节点" in a symptom even when ICU splits them
 * differently in the two sentences. ICU only sees the Chinese runs: splitting English on
 * letters is the same and several times faster.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  for (const run of lower.match(HAN_RUN) ?? []) {
    for (const { segment, isWordLike } of segmenter.segment(run)) {
      if (isWordLike && !STOPWORDS.has(segment)) tokens.push(segment);
    }
    for (let i = 0; i + 1 < run.length; i++) tokens.push(`${run[i]}${run[i + 1]}`);
  }
  for (const word of lower.replace(HAN_RUN, ' ').match(SPACED_WORD) ?? []) {
    if (word.length < 2 || NOISE.test(word) || STOPWORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}
