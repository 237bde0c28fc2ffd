// natural ships typings for its sub-module indexes but not for the stop-word list; importing the
// sub-modules (not the package root, which reads .env and prints) keeps start-up quiet.
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
