import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';

import { type AppConfig, appConfig } from '../config/app-config';
import { ApiKeyGenerator } from './api-key-secret';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';

/** API keys: the admin endpoints and the lookup the API key guard uses on every request. */
@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeysService, ApiKeyGenerator],
  exports: [ApiKeysService],
})
export class ApiKeysModule implements OnApplicationBootstrap {
  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly keys: ApiKeysService,
  ) {}

  /** Says how the API is protected, so an open API on a network address is no surprise. */
  async onApplicationBootstrap(): Promise<void> {
    const logger = new Logger('Access');
    const { apiAuth, webAuth } = this.config.security;
    logger.log(`API_AUTH=${apiAuth}, WEB_AUTH=${webAuth}`);
    if (apiAuth === 'off') {
      logger.warn(
        'API_AUTH=off: the API answers requests without a key. Set API_AUTH=required ' +
          'on any address other people can reach.',
      );
    }
    if (!(await this.keys.hasActiveAdminKey())) {
      logger.log(
        'No admin API key yet: create one with `npm run create-admin-key -- --name <who>`.',
      );
    }
  }
}
