import { ParseUUIDPipe } from '@nestjs/common';

import { RequestValidationException } from '../common/request-validation.exception';

/** Key ids are UUIDs: anything else is a 400 before any query (PostgreSQL would refuse it). */
export const ApiKeyIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new RequestValidationException([{ field: 'id', message: 'id must be a UUID' }]),
});
