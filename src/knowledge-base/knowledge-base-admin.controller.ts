import { Controller, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';

import { RequireScope } from '../common/access.decorator';
import { type AppConfig, appConfig } from '../config/app-config';
import { KnowledgeBaseService, type ReloadReport } from './knowledge-base.service';

/**
 * Reloads `patterns/` without a restart. Each replica holds its own copy: with several, reload
 * each one (or roll them), as every replica also reloads at start-up.
 */
@Controller('api/v1/admin/knowledge-base')
@RequireScope('admin')
export class KnowledgeBaseAdminController {
  constructor(
    private readonly knowledgeBase: KnowledgeBaseService,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Post('reload')
  @HttpCode(HttpStatus.OK)
  async reload(): Promise<ReloadReport> {
    const report = await this.knowledgeBase.reload();
    // A read error names the file with its absolute path: the server's folders stay private.
    const folder = this.config.patternsDir.replace(/\/+$/, '');
    return {
      ...report,
      errors: report.errors.map((error) => ({
        ...error,
        message: error.message.split(folder).join('patterns'),
      })),
    };
  }
}
