import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../../permissions/permission.enum';
import type { ApiKeyEntity } from '../entities/api-key.entity';

/** An API key without its secret. */
export class ApiKeyResponse {
  id: string;
  name: string;
  /** The first characters of the secret, e.g. `ck_Ab12Cd34`, to tell keys apart. */
  prefix: string;
  @ApiProperty({ enum: Permission, isArray: true })
  grants: Permission[];
  organizationIds: string[];
  expiresAt: Date | null;
  /** Updated at most once a minute. */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  @ApiProperty({ enum: ['ACTIVE', 'EXPIRED', 'REVOKED'] })
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  /** The user who created the key. */
  createdBy: string | null;
  createdAt: Date;

  static from(key: ApiKeyEntity): ApiKeyResponse {
    return Object.assign(new ApiKeyResponse(), ApiKeyResponse.fields(key));
  }

  protected static fields(key: ApiKeyEntity): ApiKeyResponse {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      grants: [...key.grants].sort(),
      organizationIds: [...key.organizationIds],
      expiresAt: key.expiresAt,
      lastUsedAt: key.lastUsedAt,
      revokedAt: key.revokedAt,
      status: key.status,
      createdBy: key.createdBy,
      createdAt: key.createdAt,
    };
  }
}
