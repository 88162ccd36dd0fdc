import type { ScopedRepository } from '@clientele/core';
import type { TagEntity } from './entities/tag.entity';
import type { TagLink } from './tag-filter';

/** The live tags of many records in one query: record id → its tags, by name. */
export async function loadTagsByRecord(
  tags: ScopedRepository<TagEntity>,
  link: TagLink,
  recordIds: readonly string[],
): Promise<Map<string, TagEntity[]>> {
  const byRecord = new Map<string, TagEntity[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byRecord;
  // The page's links are read first, by the link table's primary key (a materialized CTE):
  // left to itself the planner walks every link of every tag of the organization instead.
  const { entities, raw } = await tags
    .query('tag', 'visible')
    .addCommonTableExpression(
      `SELECT ${link.column} AS record_id, tag_id FROM ${link.table} WHERE ${link.column} = ANY(:tagLinkRecordIds)`,
      'tag_link',
      { materialized: true },
    )
    .innerJoin('tag_link', 'tag_link', 'tag_link.tag_id = tag.id')
    .addSelect('tag_link.record_id', 'tag_link_record_id')
    .setParameter('tagLinkRecordIds', [...recordIds])
    .orderBy('tag.name', 'ASC')
    .addOrderBy('tag.id', 'ASC')
    .getRawAndEntities<{ tag_id: string; tag_link_record_id: string }>();
  const byId = new Map(entities.map((tag) => [tag.id, tag]));
  for (const row of raw) {
    const tag = byId.get(row.tag_id);
    if (tag !== undefined) byRecord.get(row.tag_link_record_id)?.push(tag);
  }
  return byRecord;
}
