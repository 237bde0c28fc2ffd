import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { AnalysisEntity } from './analysis.entity';

/** A person's verdict on one cause of one analysis. */
@Entity({ name: 'feedback' })
export class FeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'analysis_id', type: 'varchar', length: 36 })
  analysisId!: string;

  @Column({ name: 'issue_id', type: 'varchar', length: 200 })
  issueId!: string;

  /** `confirmed` or `rejected`. */
  @Column({ type: 'varchar', length: 16 })
  verdict!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @ManyToOne(() => AnalysisEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'analysis_id' })
  analysis?: AnalysisEntity;
}
