import { ApiProperty } from '@nestjs/swagger';
import type { TimelineItem } from '../timeline-sources';

export class TimelineItemResponse {
  @ApiProperty({
    description: 'The timeline source the item comes from: activity, note, stage_change, field_change, …',
  })
  kind: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the kind shows, e.g. `changes`.' })
  data: Record<string, unknown>;

  static from(item: TimelineItem): TimelineItemResponse {
    return {
      kind: item.source,
      id: item.id,
      occurredAt: item.occurredAt.toISOString(),
      title: item.title,
      data: { ...item.data },
    };
  }
}

/** A page of a timeline, newest first; no total (it would count every source's rows). */
export class TimelineResponse {
  @ApiProperty({ type: [TimelineItemResponse] })
  items: TimelineItemResponse[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last.' })
  nextCursor: string | null;
}
