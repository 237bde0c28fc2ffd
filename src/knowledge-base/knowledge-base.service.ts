import { basename, extname } from 'node:path';

import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { Clock } from '../common/clock';
import { type AppConfig, appConfig } from '../config/app-config';
import {
  KnownIssueRepository,
  type KnownIssueRow,
} from '../database/repositories/known-issue.repository';
import { SchemaLock } from '../database/schema-lock';
import { type KnownIssue, TriageEngine } from '../engine';
import { KnowledgeBaseLoader } from './knowledge-base.loader';
import { type LoadedKnowledgeBase, type PatternLoadError } from './pattern-loader';

export interface SyncSummary {
  inserted: string[];
  updated: string[];
  retired: string[];
}

/** What a reload did: the sync, how many issues are active, and each broken file's problems. */
export interface ReloadReport extends SyncSummary {
  loaded: number;
  errors: PatternLoadError[];
}

/**
 * Owns the knowledge base of the running service: loads `PATTERNS_DIR` at start-up (a broken file
 * is logged with its name and field and skipped), builds the engine, and keeps the `known_issue`
 * rows in step with the files.
 */
@Injectable()
export class KnowledgeBaseService implements OnModuleInit {
  private readonly logger = new Logger(KnowledgeBaseService.name);
  private engine = new TriageEngine([]);
  private issues = new Map<string, KnownIssue>();
  private loadErrors: PatternLoadError[] = [];

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly loader: KnowledgeBaseLoader,
    private readonly repository: KnownIssueRepository,
    private readonly clock: Clock,
    private readonly schemaLock: SchemaLock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  async load(): Promise<SyncSummary> {
    const knowledgeBase = this.readPatterns();
    for (const error of knowledgeBase.errors) {
      this.logger.error(`Skipped ${error.file}: ${error.field}: ${error.message}`);
    }
    this.engine = new TriageEngine(knowledgeBase.issues);
    this.issues = new Map(knowledgeBase.issues.map((issue) => [issue.id, issue]));
    this.loadErrors = knowledgeBase.errors;

    // Replicas starting together sync one at a time: the first writes, the others find it done.
    const summary = await this.schemaLock.exclusive(() => this.sync(knowledgeBase));
    const broken = new Set(knowledgeBase.errors.map((error) => error.file)).size;
    this.logger.log(
      `Loaded ${knowledgeBase.issues.length} known issues from ${this.config.patternsDir}` +
        (broken > 0 ? ` (${broken} broken files skipped)` : '') +
        `; rows: ${summary.inserted.length} new, ${summary.updated.length} updated, ` +
        `${summary.retired.length} retired`,
    );
    return summary;
  }

  /**
   * Reads PATTERNS_DIR again (POST /api/v1/admin/knowledge-base/reload). Broken files are skipped
   * and reported; a folder that cannot be read at all keeps the knowledge base as it was.
   */
  async reload(): Promise<ReloadReport> {
    const summary = await this.load();
    return { ...summary, loaded: this.issues.size, errors: this.loadErrors };
  }

  getEngine(): TriageEngine {
    return this.engine;
  }

  /** The active issues, by id. */
  listIssues(): KnownIssue[] {
    return [...this.issues.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  findIssue(id: string): KnownIssue | undefined {
    return this.issues.get(id);
  }

  private readPatterns(): LoadedKnowledgeBase {
    try {
      return this.loader.load(this.config.patternsDir);
    } catch (error) {
      throw new Error(
        `Cannot read the knowledge base in PATTERNS_DIR=${this.config.patternsDir}: ` +
          (error as Error).message,
      );
    }
  }

  /**
   * New file → insert; changed content (or a file back after removal) → update; a row whose file
   * is gone → retired. A file that exists but failed validation keeps its row as it was.
   */
  private async sync(knowledgeBase: LoadedKnowledgeBase): Promise<SyncSummary> {
    const now = this.clock.now();
    const rows = new Map((await this.repository.findAllStates()).map((row) => [row.id, row]));
    const summary: SyncSummary = { inserted: [], updated: [], retired: [] };

    for (const issue of knowledgeBase.issues) {
      const row = toRow(issue, knowledgeBase.hashes[issue.id]);
      const existing = rows.get(issue.id);
      if (!existing) {
        await this.repository.insert(row, now);
        summary.inserted.push(issue.id);
      } else if (existing.contentHash !== row.contentHash || existing.retiredAt !== null) {
        await this.repository.update(row, now);
        summary.updated.push(issue.id);
      }
    }

    const present = new Set([
      ...knowledgeBase.issues.map((issue) => issue.id),
      ...knowledgeBase.errors.map((error) => basename(error.file, extname(error.file))),
    ]);
    summary.retired = [...rows.values()]
      .filter((row) => row.retiredAt === null && !present.has(row.id))
      .map((row) => row.id);
    await this.repository.retire(summary.retired, now);
    return summary;
  }
}

function toRow(issue: KnownIssue, contentHash: string | undefined): KnownIssueRow {
  return {
    id: issue.id,
    title: issue.title.en,
    components: issue.components,
    definition: issue,
    contentHash: contentHash ?? '',
  };
}
