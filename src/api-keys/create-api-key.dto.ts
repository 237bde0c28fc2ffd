import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

import { type ApiKeyScope } from '../database/repositories/api-key.repository';

export const API_KEY_SCOPES: readonly ApiKeyScope[] = ['triage', 'admin'];

/** POST /api/v1/admin/api-keys */
export class CreateApiKeyDto {
  /** Who or what uses the key, e.g. `support-portal` or `ci`. */
  @IsString()
  @MaxLength(100)
  // No control characters: the name is shown in lists and logs as one line.
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f]*\S[^\u0000-\u001f\u007f]*$/, {
    message: 'name must be a non-blank line of text',
  })
  name!: string;

  @IsIn(API_KEY_SCOPES, { message: 'scope must be one of: triage, admin' })
  scope!: ApiKeyScope;
}
