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

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /^[\p{L}\p{N}_]+$/u;
/** Hashes, ids and long numbers are unique per paste: noise for similarity. */
const NOISE = /^(?:\d{4,}|[0-9a-f]{8,}|\d+[a-f]\w*\d\w*)$/;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Tokens for text similarity. English words are lower-cased, stop-worded and Porter-stemmed;
 * Chinese is segmented into words by ICU (`Intl.Segmenter`) and also cut into character
 * bigrams, so "跨节点" in a query meets "跨节点" in a symptom even when ICU splits them
 * differently in the two sentences.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(text.toLowerCase())) {
    if (!isWordLike) continue;
    if (HAN.test(segment)) {
      if (!STOPWORDS.has(segment)) tokens.push(segment);
      continue;
    }
    if (!LATIN_WORD.test(segment) || NOISE.test(segment)) continue;
    if (segment.length < 2 || STOPWORDS.has(segment)) continue;
    tokens.push(PorterStemmer.stem(segment));
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) tokens.push(`${run[i]}${run[i + 1]}`);
  }
  return tokens;
}
