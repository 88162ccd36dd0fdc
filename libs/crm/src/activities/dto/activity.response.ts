import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_STATES, type ActivityState } from '../activity-state';
import { ACTIVITY_TYPES, type ActivityType } from '../activity-type';
import type { ActivityEntity } from '../entities/activity.entity';

export class ActivityResponse {
  id: string;
  organizationId: string;
  @ApiProperty({ enum: ACTIVITY_TYPES })
  type: ActivityType;
  subject: string;
  @ApiProperty({ nullable: true, type: String })
  body: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  dueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  completedAt: string | null;
  /** `completed`, else `overdue` when past `dueAt`, else `open` (as of the response). */
  @ApiProperty({ enum: ACTIVITY_STATES })
  state: ActivityState;
  @ApiProperty({ nullable: true, type: String })
  ownerId: string | null;
  @ApiProperty({ type: [String] })
  contactIds: string[];
  @ApiProperty({ nullable: true, type: String })
  dealId: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  createdBy: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(activity: ActivityEntity, now = new Date()): ActivityResponse {
    return {
      id: activity.id,
      organizationId: activity.organizationId,
      type: activity.type,
      subject: activity.subject,
      body: activity.body,
      dueAt: activity.dueAt?.toISOString() ?? null,
      completedAt: activity.completedAt?.toISOString() ?? null,
      state: activity.state(now),
      ownerId: activity.ownerId,
      contactIds: [...(activity.contactIds ?? [])],
      dealId: activity.dealId,
      customerId: activity.customerId,
      createdBy: activity.createdBy ?? null,
      createdAt: activity.createdAt.toISOString(),
      updatedAt: activity.updatedAt.toISOString(),
      version: activity.version,
    };
  }
}
