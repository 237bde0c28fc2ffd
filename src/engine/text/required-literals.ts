/**
 * The literal text a regex cannot match without: for `failed to wipe the XDP state` the whole
 * string, for `unknown option \\?"--set-mark` the longest safe run `--set-mark`, for `a|b` one
 * literal per alternative. It is a conservative reading of RE2 syntax: anything it does not
 * understand (classes, groups, escapes like \d) ends a run, and a quantifier that can skip an
 * atom removes it. The literals feed a prefilter, so a pattern runs only where one occurs.
 *
 * Returns lower-cased literals (ASCII folding, as the prefilter folds the text), or undefined
 * when some alternative has no run of at least `minLength` bytes.
 */
export function requiredLiterals(source: string, minLength = 4): string[] | undefined {
  const branches = splitTopLevelAlternatives(source);
  if (!branches) return undefined;
  const literals: string[] = [];
  for (const branch of branches) {
    const factor = bestRequiredFactor(branch, minLength);
    if (factor === undefined) return undefined;
    literals.push(...factor);
  }
  return [...new Set(literals)];
}

/** Bytes of the shortest alternative: how selective a factor is. */
const selectivity = (factor: string[]): number =>
  Math.min(...factor.map((text) => Buffer.byteLength(text)));

/** Splits on `|` outside groups and classes; undefined if the parentheses do not balance. */
function splitTopLevelAlternatives(source: string): string[] | undefined {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = endOfClass(source, i);
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0) return undefined;
  branches.push(source.slice(start));
  return branches;
}

/** Index of the `]` closing the class opened at `open`. */
function endOfClass(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  for (; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** Index of the `)` closing the group opened at `open`. */
function endOfGroup(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') i = endOfClass(source, i);
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return source.length;
}

/**
 * The pattern inside a group: `(x)`, `(?:x)` and `(?P<name>x)` read as x; flag groups such as
 * `(?i)` or `(?i:x)` change how text matches and are not read into (undefined).
 */
function groupBody(inner: string): string | undefined {
  if (!inner.startsWith('?')) return inner;
  if (inner.startsWith('?:')) return inner.slice(2);
  const named = /^\?P?<\w+>/.exec(inner);
  return named ? inner.slice(named[0].length) : undefined;
}

/** Escapes that stand for one literal character. */
const LITERAL_ESCAPE = /^[^A-Za-z0-9]$/;
const NAMED_ESCAPES: Record<string, string> = { t: '\t', f: '\f', v: '\v' };

/**
 * The most selective thing a branch cannot match without: a run of literal text, or a required
 * group whose every alternative has one (`(?:calico|tigera-operator)` → both).
 */
function bestRequiredFactor(branch: string, minLength: number): string[] | undefined {
  let best: string[] | undefined;
  const consider = (factor: string[] | undefined): void => {
    if (!factor || factor.length === 0 || selectivity(factor) < minLength) return;
    if (!best || selectivity(factor) > selectivity(best)) best = factor;
  };
  let run = '';
  const endRun = (): void => {
    if (run) consider([run]);
    run = '';
  };
  let i = 0;
  while (i < branch.length) {
    const char = branch[i];
    let atom: string | undefined;
    let group: string | undefined;
    let next = i + 1;
    if (char === '\\') {
      const escaped = branch[i + 1] ?? '';
      next = i + 2;
      if (LITERAL_ESCAPE.test(escaped)) atom = escaped;
      else if (NAMED_ESCAPES[escaped] !== undefined) atom = NAMED_ESCAPES[escaped];
    } else if (char === '[') {
      next = endOfClass(branch, i) + 1;
    } else if (char === '(') {
      const close = endOfGroup(branch, i);
      next = close + 1;
      group = groupBody(branch.slice(i + 1, close));
    } else if ('.^$'.includes(char)) {
      atom = undefined;
    } else if ('*+?{'.includes(char)) {
      // A quantifier with nothing before it: not a pattern we can read.
      return undefined;
    } else {
      atom = char;
    }

    // What follows the atom decides whether it is required.
    const quantifier = branch[next];
    let optional = false;
    let repeated = false;
    if (quantifier === '*' || quantifier === '?') {
      optional = true;
      next++;
    } else if (quantifier === '+') {
      repeated = true;
      next++;
    } else if (quantifier === '{') {
      const close = branch.indexOf('}', next);
      const minimum = Number.parseInt(branch.slice(next + 1, close), 10);
      if (close === -1 || Number.isNaN(minimum)) return undefined;
      optional = minimum === 0;
      repeated = !optional;
      next = close + 1;
    }
    if (branch[next] === '?' && quantifier !== undefined && '*+?{'.includes(quantifier)) next++; // lazy

    if (group !== undefined && !optional) {
      endRun();
      consider(requiredLiterals(group, minLength));
    } else if (atom === undefined || optional) {
      endRun();
    } else {
      run += atom.toLowerCase() === atom.toUpperCase() ? atom : foldAscii(atom);
      if (repeated) endRun();
    }
    i = next;
  }
  endRun();
  return best;
}

function foldAscii(char: string): string {
  return char >= 'A' && char <= 'Z' ? char.toLowerCase() : char;
}
