import type { Link } from '@clientele/core';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { tagLink } from './tag-links';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The live tag (alias `filter_tag`) of a link row (alias `filter_link`) of the query's record. */
function taggedBy<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, link: Link, match: string): string {
  tagLink(link);
  return `EXISTS (SELECT 1 FROM ${link.table} filter_link
              JOIN tag filter_tag ON filter_tag.id = filter_link.${link.targetColumn} AND filter_tag.deleted_at IS NULL
             WHERE ${link.linkedTo('filter_link', qb.alias)} AND ${match})`;
}

/** Records carrying the tag named by `tag`: a tag id, or a tag name matched case-insensitively. */
export function whereTagged<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  link: Link,
  tag: string,
): SelectQueryBuilder<T> {
  const match = UUID.test(tag) ? 'filter_tag.id = :filterTag' : 'lower(filter_tag.name) = lower(:filterTag)';
  return qb.andWhere(taggedBy(qb, link, match), { filterTag: tag });
}

/** Records carrying any of the tags `tagIds` (Gauzy's `where[tags]`). */
export function whereTaggedAny<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  link: Link,
  tagIds: readonly string[],
): SelectQueryBuilder<T> {
  return qb.andWhere(taggedBy(qb, link, `filter_link.${link.targetColumn} = ANY(:filterTagIds)`), {
    filterTagIds: [...tagIds],
  });
}
