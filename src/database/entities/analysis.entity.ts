import { Column, Entity, OneToMany, PrimaryColumn } from 'typeorm';

import { AnalysisCauseEntity } from './analysis-cause.entity';

/** One submitted paste, after redaction, with what the engine found. */
@Entity({ name: 'analysis' })
export class AnalysisEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ name: 'input_bytes', type: 'integer' })
  inputBytes!: number;

  @Column({ name: 'input_lines', type: 'integer' })
  inputLines!: number;

  @Column({ name: 'redaction_count', type: 'integer' })
  redactionCount!: number;

  /** The paste after secret redaction, same line count as submitted (evidence lines point into it). */
  @Column({ type: 'text' })
  redacted!: string;

  /** JSON: the context the user stated, or null. */
  @Column({ type: 'text', nullable: true })
  context!: string | null;

  /** JSON of the engine's facts, causes and timings. */
  @Column({ type: 'text' })
  facts!: string;

  @Column({ type: 'text' })
  causes!: string;

  @Column({ type: 'text' })
  timings!: string;

  /** JSON of how far a scan that ran out of time read; null when the analysis is complete. */
  @Column({ type: 'text', nullable: true })
  partial!: string | null;

  /** The API key that submitted the paste; null for the web form, chat, or without API keys. */
  @Column({ name: 'api_key_id', type: 'varchar', length: 36, nullable: true })
  apiKeyId!: string | null;

  @OneToMany(() => AnalysisCauseEntity, (cause) => cause.analysis, { cascade: ['insert'] })
  causeRows?: AnalysisCauseEntity[];
}
