import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  @ApiPropertyOptional({ example: '5.4.0-189-generic' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  kernel?: string;

  @ApiPropertyOptional({ example: 'Ubuntu 20.04' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  os?: string;

  @ApiPropertyOptional({ example: '1.28.6' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  kubernetes?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { calico: '3.27.3', kubeProxyMode: 'ipvs' },
    description:
      'Fact name → value (calico, cilium, spiderpool, kubeProxyMode, iptablesBackend, …).',
  })
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
  @ApiProperty({
    description: 'Pasted logs and/or a symptom description (10 MB and more accepted).',
  })
  @IsString()
  @Matches(/\S/, { message: 'text must not be empty or only whitespace' })
  text!: string;

  @ApiPropertyOptional({
    type: TriageContextDto,
    description: 'Facts you know; they win over facts read from the text.',
  })
  @IsOptional()
  @IsObject()
  @IsNotEmptyObject({}, { message: 'context must not be empty when given' })
  @ValidateNested()
  @Type(() => TriageContextDto)
  context?: TriageContextDto;

  @ApiPropertyOptional({ example: 'support-portal', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}
