import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

import { type Verdict } from '../database/repositories/feedback.repository';

export const VERDICTS: readonly Verdict[] = ['confirmed', 'rejected'];

export class FeedbackRequestDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  issueId!: string;

  @IsIn(VERDICTS, { message: 'verdict must be one of: confirmed, rejected' })
  verdict!: Verdict;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}
