import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  type Fact,
  type RankedCause,
  type TriageContext,
  type TriageResult,
  type TriageTimings,
} from '../../engine/types';
import { AnalysisEntity } from '../entities/analysis.entity';
import { AnalysisCauseEntity } from '../entities/analysis-cause.entity';
import { storableNullableText, storableText } from '../storable-text';

/** A stored analysis as the services see it (entities stay in this layer). */
export interface AnalysisRecord {
  id: string;
  createdAt: Date;
  source: string | null;
  inputBytes: number;
  inputLines: number;
  redactionCount: number;
  /** The paste after redaction. */
  redacted: string;
  context: TriageContext | null;
  facts: Fact[];
  causes: RankedCause[];
  timings: TriageTimings;
  /** Set when the scan ran out of time and the causes rest on the part it read. */
  partial: TriageResult['partial'] | null;
  /** The API key that created it; null for the web form, chat, or without a key. */
  ownerKeyId: string | null;
}

@Injectable()
export class AnalysisRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the analysis and one analysis_cause row per cause, atomically. */
  async create(record: AnalysisRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(AnalysisEntity, toEntity(record));
      if (record.causes.length > 0) {
        await manager.insert(
          AnalysisCauseEntity,
          record.causes.map((cause, index) => ({
            analysisId: record.id,
            issueId: cause.issueId,
            rank: index + 1,
            score: cause.score,
            confidence: cause.confidence,
          })),
        );
      }
    });
  }

  async findById(id: string): Promise<AnalysisRecord | null> {
    const entity = await this.dataSource.getRepository(AnalysisEntity).findOneBy({ id });
    return entity ? toRecord(entity) : null;
  }

  /** Who owns an analysis; null when the analysis does not exist. */
  async findOwner(id: string): Promise<{ ownerKeyId: string | null } | null> {
    const entity = await this.dataSource
      .getRepository(AnalysisEntity)
      .findOne({ select: { id: true, apiKeyId: true }, where: { id } });
    return entity ? { ownerKeyId: entity.apiKeyId } : null;
  }

  /** The issue ids an analysis returned, best first; null when the analysis does not exist. */
  async findCauseIssueIds(id: string): Promise<string[] | null> {
    const exists = await this.dataSource.getRepository(AnalysisEntity).existsBy({ id });
    if (!exists) {
      return null;
    }
    const rows = await this.dataSource
      .getRepository(AnalysisCauseEntity)
      .find({ select: { issueId: true }, where: { analysisId: id }, order: { rank: 'ASC' } });
    return rows.map((row) => row.issueId);
  }
}

function toEntity(record: AnalysisRecord): AnalysisEntity {
  const entity = new AnalysisEntity();
  entity.id = record.id;
  entity.createdAt = record.createdAt;
  entity.source = storableNullableText(record.source);
  entity.inputBytes = record.inputBytes;
  entity.inputLines = record.inputLines;
  entity.redactionCount = record.redactionCount;
  entity.redacted = storableText(record.redacted);
  entity.context = record.context === null ? null : JSON.stringify(record.context);
  entity.facts = JSON.stringify(record.facts);
  entity.causes = JSON.stringify(record.causes);
  entity.timings = JSON.stringify(record.timings);
  entity.partial = record.partial ? JSON.stringify(record.partial) : null;
  entity.apiKeyId = record.ownerKeyId;
  return entity;
}

function toRecord(entity: AnalysisEntity): AnalysisRecord {
  return {
    id: entity.id,
    createdAt: entity.createdAt,
    source: entity.source,
    inputBytes: entity.inputBytes,
    inputLines: entity.inputLines,
    redactionCount: entity.redactionCount,
    redacted: entity.redacted,
    context: entity.context === null ? null : (JSON.parse(entity.context) as TriageContext),
    facts: JSON.parse(entity.facts) as Fact[],
    causes: JSON.parse(entity.causes) as RankedCause[],
    timings: JSON.parse(entity.timings) as TriageTimings,
    partial: entity.partial ? (JSON.parse(entity.partial) as TriageResult['partial']) : null,
    ownerKeyId: entity.apiKeyId,
  };
}
