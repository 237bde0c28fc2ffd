import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

/** New record ids (UUID v4), behind a class so services are tested with predictable ids. */
@Injectable()
export class IdGenerator {
  uuid(): string {
    return randomUUID();
  }
}
