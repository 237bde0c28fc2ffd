/**
 * Public types of the matching engine. The engine is plain TypeScript: text in, ranked causes out.
 * Nothing here may import a framework, a database or the file system.
 */

/**
 * The facts the engine reads from a paste (see patterns/README.md), and how a knowledge-base
 * entry compares them: versions with ranges, the others with `oneOf`.
 */
const FACT_KINDS = {
  kernel: 'version',
  os: 'value',
  kubernetes: 'version',
  calico: 'version',
  cilium: 'version',
  flannel: 'version',
  spiderpool: 'version',
  multus: 'version',
  coredns: 'version',
  kubeVip: 'version',
  metallb: 'version',
  microk8s: 'version',
  kubespray: 'version',
  kubekey: 'version',
  rke2: 'version',
  k3s: 'version',
  containerRuntime: 'value',
  kubeProxyMode: 'value',
  iptables: 'version',
  iptablesBackend: 'value',
  encapsulation: 'value',
  mtu: 'value',
  ipFamily: 'value',
  cloud: 'value',
} as const satisfies Record<string, 'version' | 'value'>;

export type FactName = keyof typeof FACT_KINDS;

export const FACT_NAMES = Object.keys(FACT_KINDS) as FactName[];

/** Facts whose values are versions compared with ranges (the others are compared with `oneOf`). */
export const VERSION_FACTS: ReadonlySet<FactName> = new Set(
  FACT_NAMES.filter((name) => FACT_KINDS[name] === 'version'),
);

export interface Fact {
  name: FactName;
  value: string;
  /** `context` when the user stated it, `text` when read from the paste. */
  source: 'text' | 'context';
  /** 1-based line of the paste the fact was read from (text facts only). */
  line?: number;
}

/** Facts the user states explicitly; they win over facts read from the text. */
export interface TriageContext {
  kernel?: string;
  os?: string;
  kubernetes?: string;
  /** Component name → version, e.g. `{ calico: "3.27.3" }`. Keys are fact names. */
  components?: Record<string, string>;
}

export interface AffectedCondition {
  fact: FactName;
  /** Version range: `>=1.26.0 <1.30.0 || =1.31.0`. Space means and, `||` means or. */
  range?: string;
  /** Allowed values of an enumerated fact (`kubeProxyMode`, `iptablesBackend`, …). */
  oneOf?: string[];
  /** How much a fact inside the range counts as evidence on its own (0..1). */
  weight?: number;
  /** When true, a fact outside the range removes the candidate instead of lowering it. */
  exclusive?: boolean;
}

export interface SignalDefinition {
  id: string;
  description?: string;
  /** One RE2 pattern; mutually exclusive with `sequence`. */
  pattern?: string;
  /** Ordered patterns, each on a later line within `within` lines of the previous one. */
  sequence?: string[];
  within?: number;
  weight: number;
  /** A supporting signal counts only once the candidate has other evidence. */
  supporting?: boolean;
  caseSensitive?: boolean;
}

export interface RemediationStep {
  title: string;
  description?: string;
  commands: string[];
}

export interface PatternExample {
  name?: string;
  text: string;
  context?: TriageContext;
}

export interface KnownIssue {
  id: string;
  title: { en: string; zh: string };
  components: string[];
  summary?: string;
  affected: AffectedCondition[];
  symptoms: { en: string[]; zh: string[] };
  signals: SignalDefinition[];
  rootCause: string;
  remediation: RemediationStep[];
  confirm: RemediationStep[];
  references: string[];
  examples: { match: PatternExample[]; noMatch: PatternExample[] };
}

export interface Evidence {
  /** 1-based line number in the submitted text. */
  line: number;
  text: string;
  /** Id of the signal that matched. */
  signal: string;
}

export type Confidence = 'high' | 'medium' | 'low';

export interface RankedCause {
  issueId: string;
  title: string;
  score: number;
  confidence: Confidence;
  evidence: Evidence[];
  why: string[];
  rootCause: string;
  remediation: RemediationStep[];
  references: string[];
}

export interface TriageTimings {
  totalMs: number;
  /** The one pass over the text: facts and signals. */
  scanMs: number;
  similarityMs: number;
  rankingMs: number;
}

export interface TriageOptions {
  /**
   * Stop scanning after this many milliseconds and rank what was found so far (the result is
   * then marked `partial`). Checked between 64 KB chunks of the text.
   */
  timeoutMs?: number;
}

export interface TriageResult {
  facts: Fact[];
  causes: RankedCause[];
  timings: TriageTimings;
  /** Input size in bytes (UTF-8) and lines, for statistics. */
  input: { bytes: number; lines: number };
  /** Present when the time ran out: only the first `scannedBytes` (`scannedLines`) were read. */
  partial?: { reason: 'timeout'; scannedBytes: number; scannedLines: number };
}
