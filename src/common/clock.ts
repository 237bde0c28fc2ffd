import { Injectable } from '@nestjs/common';

/** The current time, behind a class so services are tested with a fixed clock. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
