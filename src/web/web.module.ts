import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';

import { AnalysesModule } from '../analyses/analyses.module';
import { type AppConfig, appConfig } from '../config/app-config';
import { KnowledgeBaseModule } from '../knowledge-base/knowledge-base.module';
import { TriageModule } from '../triage/triage.module';
import { AssetsController } from './assets.controller';
import { UrlencodedBodyInterceptor } from './urlencoded-body.interceptor';
import { WebController } from './web.controller';
import { WebAssets } from './web-assets';
import { WebExceptionFilter } from './web-exception.filter';
import { WebFormsService } from './web-forms.service';
import { WebPagesService } from './web-pages.service';

/** The web UI: server-rendered pages over the same services as the JSON API. */
@Module({
  imports: [
    TriageModule,
    AnalysesModule,
    KnowledgeBaseModule,
    // The log file of the paste form is read in memory; the typed text is a field as large.
    MulterModule.registerAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        limits: {
          fileSize: config.bodyLimitBytes,
          fieldSize: config.bodyLimitBytes,
          files: 1,
          fields: 20,
        },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [WebController, AssetsController],
  providers: [
    WebAssets,
    WebPagesService,
    WebFormsService,
    WebExceptionFilter,
    UrlencodedBodyInterceptor,
  ],
})
export class WebModule {}
