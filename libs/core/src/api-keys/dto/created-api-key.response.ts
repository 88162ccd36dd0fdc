import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import { ApiKeyResponse } from './api-key.response';

/** The new key with its secret: shown in this response only, never again. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <secret>`. Store it now: it cannot be read back.',
    example: 'ck_Ab12Cd34…',
  })
  secret: string;

  static withSecret(key: ApiKeyEntity, secret: string): CreatedApiKeyResponse {
    return { ...ApiKeyResponse.from(key), secret };
  }
}
