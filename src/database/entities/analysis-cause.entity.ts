import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { AnalysisEntity } from './analysis.entity';

/** One row per cause an analysis returned, so statistics need no JSON parsing. */
@Entity({ name: 'analysis_cause' })
export class AnalysisCauseEntity {
  @PrimaryColumn({ name: 'analysis_id', type: 'varchar', length: 36 })
  analysisId!: string;

  @PrimaryColumn({ name: 'issue_id', type: 'varchar', length: 200 })
  issueId!: string;

  /** 1 = best. */
  @Column({ type: 'integer' })
  rank!: number;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'varchar', length: 10 })
  confidence!: string;

  @ManyToOne(() => AnalysisEntity, (analysis) => analysis.causeRows, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: AnalysisEntity;
}
