import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntryEntity } from '../audit-entry.entity';

export class AuditEntryResponse {
  id: string;
  /** Null for tenant-wide records (users, roles, API keys, logins). */
  organizationId: string | null;
  @ApiProperty({ enum: ['user', 'api_key', 'system', 'anonymous'] })
  actorType: string;
  /** The user or API key that acted; null for the system and for failed logins. */
  actorId: string | null;
  /** `<entity>.<verb>`, e.g. `contact.updated`, `user.login_failed`. */
  action: string;
  entity: string;
  entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
  /** The request that made the change (also in the logs). */
  requestId: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(entry: AuditEntryEntity): AuditEntryResponse {
    return {
      id: entry.id,
      organizationId: entry.organizationId,
      actorType: entry.actorType,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      requestId: entry.requestId,
      createdAt: entry.createdAt.toISOString(),
    };
  }
}
