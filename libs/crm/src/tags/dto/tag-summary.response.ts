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

  /** In the order they were read: by name, as every query of a record's tags sorts them. */
  static list(tags: readonly TagSummary[] | undefined): TagSummaryResponse[] {
    return (tags ?? []).map((tag) => TagSummaryResponse.from(tag));
  }
}
