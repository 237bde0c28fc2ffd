import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { type Verdict } from '../database/repositories/feedback.repository';

export const VERDICTS: readonly Verdict[] = ['confirmed', 'rejected'];

export class FeedbackRequestDto {
  @ApiProperty({ example: 'calico-xdp-kernel-5.4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  issueId!: string;

  @ApiProperty({ enum: ['confirmed', 'rejected'] })
  @IsIn(VERDICTS, { message: 'verdict must be one of: confirmed, rejected' })
  verdict!: Verdict;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
