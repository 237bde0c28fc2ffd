import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';

import { AnalysisCauseEntity } from '../entities/analysis-cause.entity';
import { FeedbackEntity } from '../entities/feedback.entity';
import { KnownIssueEntity } from '../entities/known-issue.entity';

/** What the start-up sync needs to know about a stored row. */
export interface KnownIssueState {
  id: string;
  contentHash: string;
  retiredAt: Date | null;
}

/** A knowledge-base entry as written to its row. */
export interface KnownIssueRow {
  id: string;
  title: string;
  components: string[];
  /** The whole entry, stored as JSON. */
  definition: unknown;
  contentHash: string;
}

export interface KnownIssueStatistics {
  /** How many analyses returned the issue among their causes. */
  matched: number;
  confirmed: number;
  rejected: number;
}

export const EMPTY_STATISTICS: KnownIssueStatistics = { matched: 0, confirmed: 0, rejected: 0 };

@Injectable()
export class KnownIssueRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAllStates(): Promise<KnownIssueState[]> {
    return this.dataSource.getRepository(KnownIssueEntity).find({
      select: { id: true, contentHash: true, retiredAt: true },
      order: { id: 'ASC' },
    });
  }

  async insert(row: KnownIssueRow, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(KnownIssueEntity)
      .insert({ ...toColumns(row), retiredAt: null, createdAt: now, updatedAt: now });
  }

  /** Rewrites the row from its file and clears `retired_at` (a file that came back). */
  async update(row: KnownIssueRow, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(KnownIssueEntity)
      .update({ id: row.id }, { ...toColumns(row), retiredAt: null, updatedAt: now });
  }

  async retire(ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource
      .getRepository(KnownIssueEntity)
      .update({ id: In(ids) }, { retiredAt: now, updatedAt: now });
  }

  /** Match and feedback counts per issue id (issues never matched are absent). */
  async statistics(issueId?: string): Promise<Map<string, KnownIssueStatistics>> {
    const matches = this.dataSource
      .getRepository(AnalysisCauseEntity)
      .createQueryBuilder('cause')
      .select('cause.issueId', 'issueId')
      .addSelect('COUNT(*)', 'count')
      .groupBy('cause.issueId');
    const verdicts = this.dataSource
      .getRepository(FeedbackEntity)
      .createQueryBuilder('feedback')
      .select('feedback.issueId', 'issueId')
      .addSelect('feedback.verdict', 'verdict')
      .addSelect('COUNT(*)', 'count')
      .groupBy('feedback.issueId')
      .addGroupBy('feedback.verdict');
    if (issueId !== undefined) {
      matches.where('cause.issueId = :issueId', { issueId });
      verdicts.where('feedback.issueId = :issueId', { issueId });
    }

    const statistics = new Map<string, KnownIssueStatistics>();
    const entry = (id: string): KnownIssueStatistics => {
      const existing = statistics.get(id) ?? { ...EMPTY_STATISTICS };
      statistics.set(id, existing);
      return existing;
    };
    for (const row of await matches.getRawMany<{ issueId: string; count: string | number }>()) {
      entry(row.issueId).matched = Number(row.count);
    }
    const verdictRows = await verdicts.getRawMany<{
      issueId: string;
      verdict: string;
      count: string | number;
    }>();
    for (const row of verdictRows) {
      if (row.verdict === 'confirmed' || row.verdict === 'rejected') {
        entry(row.issueId)[row.verdict] = Number(row.count);
      }
    }
    return statistics;
  }
}

function toColumns(row: KnownIssueRow) {
  return {
    id: row.id,
    // The column is varchar(500): PostgreSQL would refuse a longer title.
    title: row.title.slice(0, 500),
    components: JSON.stringify(row.components),
    definition: JSON.stringify(row.definition),
    contentHash: row.contentHash,
  };
}
