import { DataSource } from 'typeorm';

import { readAppConfigFromEnv } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI: `typeorm migration:run -d dist/src/database/data-source.js`. */
export default new DataSource(buildDataSourceOptions(readAppConfigFromEnv().database));
