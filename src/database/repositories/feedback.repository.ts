import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FeedbackEntity } from '../entities/feedback.entity';
import { storableNullableText } from '../storable-text';

export type Verdict = 'confirmed' | 'rejected';

export interface FeedbackRecord {
  id: string;
  analysisId: string;
  issueId: string;
  verdict: Verdict;
  comment: string | null;
  createdAt: Date;
}

@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(record: FeedbackRecord): Promise<void> {
    await this.dataSource
      .getRepository(FeedbackEntity)
      .insert({ ...record, comment: storableNullableText(record.comment) });
  }
}
