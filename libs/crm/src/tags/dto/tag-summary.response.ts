import { ApiProperty } from '@nestjs/swagger';
import type { TagSummary } from '../tag-summaries';

/** A tag as shown on a tagged record (contact, customer, …). */
export class TagSummaryResponse {
  id: string;
  name: string;
  @ApiProperty({ example: '#1F6FEB' })
  color: string;

  static from(tag: TagSummary): TagSummaryResponse {
    return { id: tag.id, name: tag.name, color: tag.color };
  }

  /** Sorted by name so a record's tags read the same every time. */
  static list(tags: readonly TagSummary[] | undefined): TagSummaryResponse[] {
    return [...(tags ?? [])].sort((a, b) => a.name.localeCompare(b.name)).map((tag) => TagSummaryResponse.from(tag));
  }
}
