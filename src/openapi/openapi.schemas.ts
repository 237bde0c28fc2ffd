import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * Response shapes for the OpenAPI document. The API's responses are built by plain mappers
 * (interfaces), which Swagger cannot read; these classes describe the same fields, and the
 * openapi spec checks them against a real answer so the two cannot drift apart.
 */

export class FactSchema {
  @ApiProperty({
    example: 'kernel',
    description: 'Fact name: kernel, os, kubernetes, calico, kubeProxyMode, …',
  })
  name!: string;

  @ApiProperty({ example: '5.4.0-189-generic' })
  value!: string;

  @ApiProperty({
    enum: ['text', 'context'],
    description: 'Read from the paste, or stated in the request context.',
  })
  source!: string;

  @ApiPropertyOptional({
    example: 3,
    description: '1-based line of the paste (facts read from the text).',
  })
  line?: number;
}

export class EvidenceSchema {
  @ApiProperty({ example: 41, description: '1-based line of the submitted text.' })
  line!: number;

  @ApiProperty({ description: 'The matched line, redacted, cut to 500 characters.' })
  text!: string;

  @ApiProperty({ example: 'xdp-state-wipe-failed', description: 'The signal that matched.' })
  signal!: string;
}

export class RemediationStepSchema {
  @ApiProperty({ example: 'Disable XDP acceleration in Felix' })
  title!: string;

  @ApiPropertyOptional()
  description?: string;

  @ApiProperty({ type: [String] })
  commands!: string[];
}

export class CauseSchema {
  @ApiProperty({ example: 'calico-xdp-kernel-5.4', description: 'Stable known-issue id.' })
  issueId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.93 })
  score!: number;

  @ApiProperty({ enum: ['high', 'medium', 'low'] })
  confidence!: string;

  @ApiProperty({ type: [EvidenceSchema] })
  evidence!: EvidenceSchema[];

  @ApiProperty({
    type: [String],
    description: 'Why it fits (or fits less): signals, version ranges, resemblance.',
  })
  why!: string[];

  @ApiProperty()
  rootCause!: string;

  @ApiProperty({ type: [RemediationStepSchema] })
  remediation!: RemediationStepSchema[];

  @ApiProperty({ type: [String], example: ['https://github.com/projectcalico/calico/issues/8833'] })
  references!: string[];
}

export class TimingsSchema {
  @ApiProperty({ example: 1.8 })
  totalMs!: number;

  @ApiProperty({ description: 'The one pass over the text (facts and signals).' })
  scanMs!: number;

  @ApiProperty()
  similarityMs!: number;

  @ApiProperty()
  rankingMs!: number;
}

export class InputSizeSchema {
  @ApiProperty({ description: 'Bytes submitted (UTF-8).' })
  bytes!: number;

  @ApiProperty()
  lines!: number;
}

export class PartialSchema {
  @ApiProperty({ enum: ['timeout'] })
  reason!: string;

  @ApiProperty()
  scannedBytes!: number;

  @ApiProperty()
  scannedLines!: number;
}

export class AnalysisSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String, example: 'support-portal' })
  source!: string | null;

  @ApiProperty({ type: InputSizeSchema })
  input!: InputSizeSchema;

  @ApiProperty({ description: 'Secrets replaced by [REDACTED] before analysis and storage.' })
  redactions!: number;

  @ApiProperty({ type: [FactSchema] })
  facts!: FactSchema[];

  @ApiProperty({
    type: [CauseSchema],
    description: 'Plausible causes, best first; [] for an unrelated paste.',
  })
  causes!: CauseSchema[];

  @ApiProperty({ type: TimingsSchema })
  timings!: TimingsSchema;

  @ApiPropertyOptional({
    type: PartialSchema,
    description: 'Present when TRIAGE_TIMEOUT_MS ran out on a huge paste.',
  })
  partial?: PartialSchema;
}

export class FeedbackSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  analysisId!: string;

  @ApiProperty({ example: 'calico-xdp-kernel-5.4' })
  issueId!: string;

  @ApiProperty({ enum: ['confirmed', 'rejected'] })
  verdict!: string;

  @ApiProperty({ nullable: true, type: String })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class ProblemFieldSchema {
  @ApiProperty({ example: 'text' })
  field!: string;

  @ApiProperty({ example: 'text must not be empty or only whitespace' })
  message!: string;
}

/** RFC 9457 problem details: every 4xx and 5xx of the API. */
export class ProblemSchema {
  @ApiProperty({ example: 'about:blank' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'The request body is invalid.' })
  detail!: string;

  @ApiPropertyOptional({ example: '/api/v1/triage' })
  instance?: string;

  @ApiPropertyOptional({ example: 'VALIDATION_FAILED' })
  code?: string;

  @ApiPropertyOptional({ type: [ProblemFieldSchema] })
  errors?: ProblemFieldSchema[];
}

export class AffectedVersionsSchema {
  @ApiProperty({ example: 'kernel' })
  fact!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: '>=5.4 <5.5' })
  range?: string | null;

  @ApiPropertyOptional({ nullable: true, type: [String], example: ['ipvs'] })
  oneOf?: string[] | null;
}

export class KnownIssueStatisticsSchema {
  @ApiProperty({ description: 'Analyses that listed this issue.' })
  matched!: number;

  @ApiProperty({ description: 'Feedback saying it was the cause.' })
  confirmed!: number;

  @ApiProperty({ description: 'Feedback saying it was not.' })
  rejected!: number;
}

export class SymptomsSchema {
  @ApiProperty({ type: [String] })
  en!: string[];

  @ApiProperty({ type: [String] })
  zh!: string[];
}

export class KnownIssueSummarySchema {
  @ApiProperty({ example: 'calico-xdp-kernel-5.4' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  titleZh!: string;

  @ApiProperty({ type: [String], example: ['calico', 'kernel'] })
  components!: string[];

  @ApiProperty({ nullable: true, type: String })
  summary!: string | null;

  @ApiProperty({ type: [AffectedVersionsSchema] })
  affected!: AffectedVersionsSchema[];

  @ApiProperty({ type: SymptomsSchema })
  symptoms!: SymptomsSchema;

  @ApiProperty({ type: [RemediationStepSchema] })
  remediation!: RemediationStepSchema[];

  @ApiProperty({ type: [String] })
  references!: string[];

  @ApiProperty({ type: KnownIssueStatisticsSchema })
  statistics!: KnownIssueStatisticsSchema;
}

export class KnownIssueDetailSchema extends KnownIssueSummarySchema {
  @ApiProperty()
  rootCause!: string;

  @ApiProperty({ type: [RemediationStepSchema] })
  confirm!: RemediationStepSchema[];

  @ApiProperty({
    description: 'The regex signals and their weights.',
    type: 'array',
    items: { type: 'object' },
  })
  signals!: object[];

  @ApiProperty({
    description: 'Pastes that must rank it first, and near-misses that must not list it.',
    type: 'object',
    additionalProperties: true,
  })
  examples!: object;
}
