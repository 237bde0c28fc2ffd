import { Type } from 'class-transformer';
import {
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import { type TriageContext } from '../engine';
import { IsStringRecord } from './is-string-record.validator';

/** Facts the user knows; they win over facts read from the text. */
export class TriageContextDto implements TriageContext {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  kernel?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  os?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  kubernetes?: string;

  @IsOptional()
  @IsStringRecord()
  components?: Record<string, string>;
}

/** What POST /api/v1/triage accepts: a paste, and optionally what the user knows of the cluster. */
export interface TriageRequest {
  text: string;
  context?: TriageContext;
  source?: string;
}

/** The `application/json` body of POST /api/v1/triage. */
export class TriageRequestDto implements TriageRequest {
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty or only whitespace' })
  text!: string;

  @IsOptional()
  @IsObject()
  @IsNotEmptyObject({}, { message: 'context must not be empty when given' })
  @ValidateNested()
  @Type(() => TriageContextDto)
  context?: TriageContextDto;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}
