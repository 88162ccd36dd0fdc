import type { Link, ScopedRepository } from '@clientele/core';
import type { TagEntity } from './entities/tag.entity';
import { tagLink } from './tag-links';

/** The live tags of many records in one query: record id → its tags, by name. */
export function loadTagsByRecord(
  tags: ScopedRepository<TagEntity>,
  link: Link,
  recordIds: readonly string[],
): Promise<Map<string, TagEntity[]>> {
  return tagLink(link).load(tags, 'tag', recordIds, { 'tag.name': 'ASC' });
}
