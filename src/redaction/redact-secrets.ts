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
  pattern: RE2;
  /** Rebuilds the match from its groups with the secret replaced; never adds or drops newlines. */
  replace: (groups: string[]) => string;
}

/** Keeps the groups before the secret (`prefix`) and after it (`suffix`); the secret is the rest. */
const keep =
  (prefixGroups: number, suffixGroups = 0) =>
  (groups: string[]): string =>
    groups.slice(0, prefixGroups).join('') +
    REDACTED +
    groups.slice(groups.length - suffixGroups).join('');

/** Every line of a PEM body becomes `[REDACTED]`, so the lines after it keep their numbers. */
const redactPemBody = (groups: string[]): string =>
  groups[0] + groups[1].replace(/[^\r\n]+/g, REDACTED) + groups[2];

// RE2 (linear time on any input) with `i` (case-insensitive) and `g`; `\s` classes that could
// cross a line only ever sit in kept groups, so the line count never changes.
const RULES: Rule[] = [
  {
    name: 'pem-block',
    pattern: new RE2('(-----BEGIN [A-Z0-9 ]+-----)([\\s\\S]*?)(-----END [A-Z0-9 ]+-----)', 'g'),
    replace: redactPemBody,
  },
  {
    // A block cut off before its END line (a truncated paste): its base64 lines go.
    name: 'pem-unterminated',
    pattern: new RE2('(-----BEGIN [A-Z0-9 ]+-----)((?:\\r?\\n[ \\t]*[A-Za-z0-9+/=]{16,}[ \\t]*)+)()', 'g'),
    replace: redactPemBody,
  },
  {
    name: 'kubeconfig-data',
    pattern: new RE2(
      '((?:client-key|client-certificate|certificate-authority)-data"?\\s*[:=]\\s*"?)([A-Za-z0-9+/=]{8,})',
      'gi',
    ),
    replace: keep(1),
  },
  {
    name: 'authorization-header',
    pattern: new RE2(
      '((?:proxy-)?authorization"?\\s*[:=]\\s*"?(?:bearer|basic|token|negotiate|digest)[ \\t]+)([A-Za-z0-9\\-._~+/]{6,}=*)',
      'gi',
    ),
    replace: keep(1),
  },
  {
    name: 'bearer-token',
    pattern: new RE2('(\\bbearer[ \\t]+)([A-Za-z0-9\\-._~+/]{8,}=*)', 'gi'),
    replace: keep(1),
  },
  {
    name: 'jwt',
    pattern: new RE2('\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*', 'g'),
    replace: () => REDACTED,
  },
  {
    // --token=…, --token …, --discovery-token …, --tls-bootstrap-token …; not
    // --discovery-token-ca-cert-hash (a public hash) nor --token-ttl.
    name: 'token-flag',
    pattern: new RE2('(--[a-z-]*token(?:=|[ \\t]+))([^\\s"\']+)', 'gi'),
    replace: keep(1),
  },
  {
    // `token: …`, `"access_token": "…"`, `id-token: …` in kubeconfigs, YAML and JSON.
    name: 'token-field',
    pattern: new RE2(
      '(\\b(?:token|id-token|refresh-token|access[_-]token|refresh[_-]token|auth[_-]token)"?[ \\t]*[:=][ \\t]*"?)([A-Za-z0-9._~+/=-]{8,})',
      'gi',
    ),
    replace: keep(1),
  },
  {
    name: 'kubeadm-join-token',
    pattern: new RE2('\\b[a-z0-9]{6}\\.[a-z0-9]{16}\\b', 'g'),
    replace: () => REDACTED,
  },
  {
    name: 'certificate-key',
    pattern: new RE2('(--certificate-key(?:=|[ \\t]+))([0-9a-f]{16,})', 'gi'),
    replace: keep(1),
  },
  {
    name: 'url-password',
    pattern: new RE2("(\\b[a-z][a-z0-9+.-]*://[^\\s:/@\"']+:)([^\\s/@\"']+)(@)", 'gi'),
    replace: keep(1, 1),
  },
  {
    name: 'json-password',
    pattern: new RE2(
      '("(?:password|passwd|client_secret|secret_access_key)"[ \\t]*:[ \\t]*")((?:[^"\\\\\\r\\n]|\\\\.)+)(")',
      'gi',
    ),
    replace: keep(1, 1),
  },
  {
    name: 'password-assignment',
    pattern: new RE2(
      '(\\b(?:password|passwd|pwd|client_secret)[ \\t]*[=:][ \\t]*[\'"]?)([^\\s\'"&;,]+)',
      'gi',
    ),
    replace: keep(1),
  },
  {
    name: 'aws-access-key-id',
    pattern: new RE2('\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b', 'g'),
    replace: () => REDACTED,
  },
  {
    name: 'aws-secret',
    pattern: new RE2(
      '(\\baws_(?:secret_access_key|session_token)"?[ \\t]*[=:][ \\t]*[\'"]?)([^\\s\'",]+)',
      'gi',
    ),
    replace: keep(1),
  },
];

/**
 * Replaces secrets in a paste (tokens, keys, passwords, PEM blocks) by `[REDACTED]` before it is
 * analysed or stored. Never changes the number of lines, so evidence line numbers stay valid.
 */
export function redactSecrets(input: string): RedactionResult {
  let count = 0;
  let text = input;
  for (const rule of RULES) {
    text = rule.pattern.replace(text, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, groupCount(rest)) as (string | undefined)[];
      const replaced = rule.replace(groups.map((group) => group ?? ''));
      if (replaced === match || isAlreadyRedacted(match, replaced)) {
        return match;
      }
      count += 1;
      return replaced;
    });
  }
  return { text, count };
}

/** The replacer gets the groups, then the offset (a number) and the whole string. */
function groupCount(rest: unknown[]): number {
  const offsetIndex = rest.findIndex((value) => typeof value === 'number');
  return offsetIndex === -1 ? rest.length : offsetIndex;
}

function isAlreadyRedacted(match: string, replaced: string): boolean {
  return match.replaceAll(REDACTED, '') === replaced.replaceAll(REDACTED, '');
}
