import RE2 from 're2';

export interface RedactionResult {
  /** The text with every secret replaced by `[REDACTED]`; same number of lines as the input. */
  text: string;
  /** How many secrets were replaced. */
  count: number;
}

export const REDACTED = '[REDACTED]';

interface Rule {
  name: string;
  /** Lower-case words one of which a matching text must contain: most pastes skip most rules. */
  hints: string[];
  pattern: RE2;
  /** `$n` template: the kept groups around `[REDACTED]`. Templates keep RE2 linear; replacer
   * callbacks are not (re2 recomputes offsets per match). */
  replacement: string;
}

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';
const PEM_LABEL = new RE2('^[A-Z0-9 ]{1,60}$');
const PEM_BASE64_LINE = new RE2('^[ \\t]*[A-Za-z0-9+/=]{16,}[ \\t]*\\r?$');
const NOT_NEWLINE = new RE2('[^\\r\\n]+', 'g');
/** Longer than any real key or certificate: an END line farther away closes another block. */
const MAX_PEM_BODY = 64 * 1024;
const MAX_PEM_LINE = 1024;

// RE2 syntax (linear time on any input), `g` always, `i` unless the secret has a fixed case.
// Whitespace that may cross a line only ever sits in a kept group, and no value class matches a
// newline, so the line count never changes; no value class matches `[REDACTED]` as a new secret.
const RULES: Rule[] = [
  {
    name: 'kubeconfig-data',
    hints: ['-data'],
    pattern: new RE2(
      '((?:client-key|client-certificate|certificate-authority)-data"?[ \\t]*[:=][ \\t]*"?)([A-Za-z0-9+/=]{8,})',
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  {
    name: 'authorization-header',
    hints: ['authorization'],
    pattern: new RE2(
      '((?:proxy-)?authorization"?[ \\t]*[:=][ \\t]*"?(?:bearer|basic|token|negotiate|digest)[ \\t]+)([A-Za-z0-9\\-._~+/]{6,}=*)',
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  {
    name: 'bearer-token',
    hints: ['bearer'],
    pattern: new RE2('(\\bbearer[ \\t]+)([A-Za-z0-9\\-._~+/]{8,}=*)', 'gi'),
    replacement: `$1${REDACTED}`,
  },
  {
    name: 'jwt',
    hints: ['eyj'],
    pattern: new RE2('\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*', 'g'),
    replacement: REDACTED,
  },
  {
    // --token=…, --token …, --discovery-token …, --tls-bootstrap-token …; not
    // --discovery-token-ca-cert-hash (a public hash) nor --token-ttl.
    name: 'token-flag',
    hints: ['token'],
    pattern: new RE2('(--[a-z-]*token(?:=|[ \\t]+))([^\\s"\'\\[][^\\s"\']*)', 'gi'),
    replacement: `$1${REDACTED}`,
  },
  {
    // `token: …`, `"access_token": "…"`, `id-token: …` in kubeconfigs, YAML and JSON.
    name: 'token-field',
    hints: ['token'],
    pattern: new RE2(
      '(\\b(?:token|id-token|refresh-token|access[_-]token|refresh[_-]token|auth[_-]token)"?[ \\t]*[:=][ \\t]*"?)([A-Za-z0-9._~+/=-]{8,})',
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  {
    name: 'kubeadm-join-token',
    hints: ['.'],
    pattern: new RE2('\\b[a-z0-9]{6}\\.[a-z0-9]{16}\\b', 'g'),
    replacement: REDACTED,
  },
  {
    name: 'certificate-key',
    hints: ['--certificate-key'],
    pattern: new RE2('(--certificate-key(?:=|[ \\t]+))([0-9a-f]{16,})', 'gi'),
    replacement: `$1${REDACTED}`,
  },
  {
    name: 'url-password',
    hints: ['://'],
    pattern: new RE2(
      '(\\b[a-z][a-z0-9+.-]*://[^\\s:/@"\']*:)([^\\s/@"\'\\[][^\\s/@"\']*)(@)',
      'gi',
    ),
    replacement: `$1${REDACTED}$3`,
  },
  {
    name: 'json-password',
    hints: ['"password"', '"passwd"', '"client_secret"', '"secret_access_key"'],
    pattern: new RE2(
      '("(?:password|passwd|client_secret|secret_access_key)"[ \\t]*:[ \\t]*")((?:[^"\\\\\\r\\n]|\\\\.)+)(")',
      'gi',
    ),
    replacement: `$1${REDACTED}$3`,
  },
  {
    name: 'password-assignment',
    hints: ['password', 'passwd', 'pwd', 'client_secret'],
    pattern: new RE2(
      '(\\b(?:password|passwd|pwd|client_secret)[ \\t]*[=:][ \\t]*[\'"]?)([^\\s\'"&;,\\[][^\\s\'"&;,]*)',
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
  {
    // Our own API keys (api-keys/api-key-secret.ts): `kt_` + 43 base64url characters.
    name: 'kubetriage-api-key',
    hints: ['kt_'],
    pattern: new RE2('\\bkt_[A-Za-z0-9_-]{43,}', 'g'),
    replacement: REDACTED,
  },
  {
    name: 'aws-access-key-id',
    hints: ['akia', 'asia'],
    pattern: new RE2('\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b', 'g'),
    replacement: REDACTED,
  },
  {
    name: 'aws-secret',
    hints: ['aws_'],
    pattern: new RE2(
      '(\\baws_(?:secret_access_key|session_token)"?[ \\t]*[=:][ \\t]*[\'"]?)([^\\s\'",\\[][^\\s\'",]*)',
      'gi',
    ),
    replacement: `$1${REDACTED}`,
  },
];

/** Every rule's pattern (and a PEM header) in one set: does this paste hold anything to redact? */
const ANY_SECRET = new RE2.Set(
  [
    ...RULES.map(({ pattern }) =>
      pattern.flags.includes('i') ? `(?i:${pattern.source})` : pattern.source,
    ),
    PEM_BEGIN,
  ],
  'm',
);

export interface BufferRedactionResult {
  /** The same buffer when nothing was redacted (no copy), else the redacted text's bytes. */
  buffer: Buffer;
  count: number;
}

/**
 * Redaction of a paste received as bytes (a large text/plain body). One linear RE2 pass decides
 * whether any rule can apply; a paste with nothing to redact, the usual case for a node log, is
 * returned as it is, without the copies a string pipeline makes.
 */
export function redactSecretsInBuffer(input: Buffer): BufferRedactionResult {
  if (!ANY_SECRET.test(input)) return { buffer: input, count: 0 };
  const { text, count } = redactSecrets(input.toString('utf8'));
  return { buffer: Buffer.from(text, 'utf8'), count };
}

/**
 * Replaces secrets in a paste (tokens, keys, passwords, PEM blocks) by `[REDACTED]` before it is
 * analysed or stored. Never changes the number of lines, so evidence line numbers stay valid.
 */
export function redactSecrets(input: string): RedactionResult {
  const pem = redactPemBlocks(input);
  let { text, count } = pem;
  const lower = text.toLowerCase();
  for (const rule of RULES) {
    if (!rule.hints.some((hint) => lower.includes(hint))) {
      continue;
    }
    const matches = rule.pattern.match(text);
    if (matches === null) {
      continue;
    }
    // A match holding the placeholder is a secret redacted before (text redacted twice).
    count += matches.filter((match) => !match.includes(REDACTED)).length;
    text = rule.pattern.replace(text, rule.replacement);
  }
  return { text, count };
}

/**
 * Every line of a PEM block's body (private keys, certificates, …) becomes `[REDACTED]`; the
 * BEGIN/END lines stay, so the reader sees what was there and later lines keep their numbers.
 * A block cut off before its END line loses the base64 lines after its BEGIN line.
 * Plain `indexOf` scans with cached look-aheads: linear even on a paste of BEGIN lines.
 */
function redactPemBlocks(text: string): RedactionResult {
  const scanner = new PemScanner(text);
  let output = '';
  let position = 0;
  let count = 0;
  let search = 0;
  for (;;) {
    const begin = text.indexOf(PEM_BEGIN, search);
    if (begin === -1) break;
    const labelEnd = text.indexOf('-----', begin + PEM_BEGIN.length);
    if (labelEnd === -1) break;
    if (!PEM_LABEL.test(text.slice(begin + PEM_BEGIN.length, labelEnd))) {
      search = begin + PEM_BEGIN.length;
      continue;
    }
    const bodyStart = labelEnd + 5;
    const bodyEnd = scanner.bodyEnd(bodyStart);
    if (bodyEnd > bodyStart) {
      output +=
        text.slice(position, bodyStart) +
        NOT_NEWLINE.replace(text.slice(bodyStart, bodyEnd), REDACTED);
      position = bodyEnd;
      count += 1;
    }
    search = bodyEnd;
  }
  return { text: output + text.slice(position), count };
}

class PemScanner {
  /** Next END marker at or after some earlier position (-1: none left); -2: not looked yet. */
  private nextEnd = -2;
  constructor(private readonly text: string) {}

  bodyEnd(bodyStart: number): number {
    const end = this.endAfter(bodyStart);
    // Everything up to a near END line goes, log prefixes included: a key pasted from a log
    // keeps its timestamps on each line, and a leaked key costs more than a few hidden lines.
    if (end !== -1 && end - bodyStart <= MAX_PEM_BODY) return end;
    return this.base64RunEnd(bodyStart);
  }

  private endAfter(from: number): number {
    if (this.nextEnd === -1 || this.nextEnd >= from) return this.nextEnd;
    this.nextEnd = this.text.indexOf(PEM_END, from);
    return this.nextEnd;
  }

  /** No END line near (a truncated paste): the base64 lines that follow the BEGIN line. */
  private base64RunEnd(bodyStart: number): number {
    let cursor = this.text.indexOf('\n', bodyStart);
    let bodyEnd = bodyStart;
    while (cursor !== -1) {
      const next = this.text.indexOf('\n', cursor + 1);
      const lineEnd = next === -1 ? this.text.length : next;
      if (lineEnd - cursor > MAX_PEM_LINE) break;
      if (!PEM_BASE64_LINE.test(this.text.slice(cursor + 1, lineEnd))) break;
      bodyEnd = lineEnd;
      cursor = next;
    }
    return bodyEnd;
  }
}
