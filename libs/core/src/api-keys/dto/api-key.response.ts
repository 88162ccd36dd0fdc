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
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;
  /** Updated at most once a minute. */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
  @ApiProperty({ enum: ['ACTIVE', 'EXPIRED', 'REVOKED'] })
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  /** The user who created the key. */
  createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(key: ApiKeyEntity): ApiKeyResponse {
    return {
      id: key.id,
      name: key.name,
      prefix: key.prefix,
      grants: [...key.grants].sort(),
      organizationIds: [...key.organizationIds],
      expiresAt: key.expiresAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
      revokedAt: key.revokedAt?.toISOString() ?? null,
      status: key.status,
      createdBy: key.createdBy,
      createdAt: key.createdAt.toISOString(),
    };
  }
}
