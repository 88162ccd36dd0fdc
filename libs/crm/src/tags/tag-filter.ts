import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** The table linking a kind of record to its tags. */
export interface TagLink {
  readonly table: 'contact_tag' | 'customer_tag';
  readonly column: 'contact_id' | 'customer_id';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records carrying the tag named by `tag`: a tag id, or a tag name matched case-insensitively. */
export function whereTagged<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  link: TagLink,
  tag: string,
): SelectQueryBuilder<T> {
  const match = UUID.test(tag) ? 'filter_tag.id = :filterTag' : 'lower(filter_tag.name) = lower(:filterTag)';
  return qb.andWhere(
    `EXISTS (SELECT 1 FROM ${link.table} filter_link
              JOIN tag filter_tag ON filter_tag.id = filter_link.tag_id AND filter_tag.deleted_at IS NULL
             WHERE filter_link.${link.column} = ${qb.alias}.id AND ${match})`,
    { filterTag: tag },
  );
}

/** Records carrying any of the tags `tagIds` (Gauzy's `where[tags]`). */
export function whereTaggedAny<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  link: TagLink,
  tagIds: readonly string[],
): SelectQueryBuilder<T> {
  return qb.andWhere(
    `EXISTS (SELECT 1 FROM ${link.table} filter_link
              JOIN tag filter_tag ON filter_tag.id = filter_link.tag_id AND filter_tag.deleted_at IS NULL
             WHERE filter_link.${link.column} = ${qb.alias}.id AND filter_link.tag_id = ANY(:filterTagIds))`,
    { filterTagIds: [...tagIds] },
  );
}
