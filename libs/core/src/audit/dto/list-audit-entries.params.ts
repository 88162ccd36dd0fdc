import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageParams } from '../../pagination/page-params.dto';

export class ListAuditEntriesParams extends PageParams {
  /** Only this organization's entries (tenant-wide ones left out); or send `X-Organization-Id`. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** Who acted: a user id or an API key id. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsIn(['user', 'api_key', 'system', 'anonymous'])
  actorType?: 'user' | 'api_key' | 'system' | 'anonymous';

  /** The kind of record, e.g. `contact`, `membership`, `role`, `api_key`, `user`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,50}$/, { message: 'entity must be a lower-case entity name, e.g. contact' })
  entity?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;

  /** The event, e.g. `contact.updated` or `user.login_failed`; `user.*` matches every user event. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z_]+(\.([a-z_]+|\*))?$/, { message: 'action must look like contact.updated or contact.*' })
  action?: string;

  /** From this instant on (ISO 8601, inclusive). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  /** Before this instant (ISO 8601, exclusive). */
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' })
  to?: string;
}
