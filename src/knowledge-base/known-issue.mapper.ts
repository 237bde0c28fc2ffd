import { type KnownIssueStatistics } from '../database/repositories/known-issue.repository';
import {
  type AffectedCondition,
  type KnownIssue,
  type PatternExample,
  type RemediationStep,
  type SignalDefinition,
} from '../engine';

export interface AffectedVersionsResponse {
  fact: string;
  range?: string;
  oneOf?: string[];
}

export interface KnownIssueSummaryResponse {
  id: string;
  title: string;
  titleZh: string;
  components: string[];
  summary: string | null;
  affected: AffectedVersionsResponse[];
  symptoms: { en: string[]; zh: string[] };
  remediation: RemediationStep[];
  references: string[];
  statistics: KnownIssueStatistics;
}

export interface SignalResponse {
  id: string;
  description: string | null;
  pattern: string | null;
  sequence: string[] | null;
  within: number | null;
  weight: number;
  supporting: boolean;
}

export interface KnownIssueDetailResponse extends KnownIssueSummaryResponse {
  rootCause: string;
  confirm: RemediationStep[];
  signals: SignalResponse[];
  examples: { match: PatternExample[]; noMatch: PatternExample[] };
}

export function mapKnownIssueSummary(
  issue: KnownIssue,
  statistics: KnownIssueStatistics,
): KnownIssueSummaryResponse {
  return {
    id: issue.id,
    title: issue.title.en,
    titleZh: issue.title.zh,
    components: [...issue.components],
    summary: issue.summary ?? null,
    affected: issue.affected.map(mapAffected),
    symptoms: { en: [...issue.symptoms.en], zh: [...issue.symptoms.zh] },
    remediation: issue.remediation.map(mapStep),
    references: [...issue.references],
    statistics: { ...statistics },
  };
}

export function mapKnownIssueDetail(
  issue: KnownIssue,
  statistics: KnownIssueStatistics,
): KnownIssueDetailResponse {
  return {
    ...mapKnownIssueSummary(issue, statistics),
    rootCause: issue.rootCause,
    confirm: issue.confirm.map(mapStep),
    signals: issue.signals.map(mapSignal),
    examples: {
      match: issue.examples.match.map(mapExample),
      noMatch: issue.examples.noMatch.map(mapExample),
    },
  };
}

function mapAffected(condition: AffectedCondition): AffectedVersionsResponse {
  return {
    fact: condition.fact,
    ...(condition.range === undefined ? {} : { range: condition.range }),
    ...(condition.oneOf === undefined ? {} : { oneOf: [...condition.oneOf] }),
  };
}

function mapStep(step: RemediationStep): RemediationStep {
  return {
    title: step.title,
    ...(step.description === undefined ? {} : { description: step.description }),
    commands: [...step.commands],
  };
}

function mapSignal(signal: SignalDefinition): SignalResponse {
  return {
    id: signal.id,
    description: signal.description ?? null,
    pattern: signal.pattern ?? null,
    sequence: signal.sequence ? [...signal.sequence] : null,
    within: signal.within ?? null,
    weight: signal.weight,
    supporting: signal.supporting ?? false,
  };
}

function mapExample(example: PatternExample): PatternExample {
  return {
    ...(example.name === undefined ? {} : { name: example.name }),
    text: example.text,
    ...(example.context === undefined ? {} : { context: example.context }),
  };
}
