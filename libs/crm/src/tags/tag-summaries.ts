import type { Link } from '@clientele/core';
import type { TagEntity } from './entities/tag.entity';
import { tagLink } from './tag-links';

/** A tag as a tagged record shows it. */
export type TagSummary = Pick<TagEntity, 'id' | 'name' | 'color'>;

/**
 * The record's live tags (alias `record_tag`), for a subquery in the record's own statement:
 * one probe of the link table's primary key per row. `alias` is the record's alias in the query.
 */
function liveTagsOf(link: Link, alias: string): string {
  tagLink(link);
  return `FROM ${link.table} record_link
             JOIN tag record_tag ON record_tag.id = record_link.${link.targetColumn} AND record_tag.deleted_at IS NULL
                                AND record_tag.tenant_id = "${alias}".tenant_id
            WHERE ${link.linkedTo('record_link', alias)}`;
}

/** The record's live tags as a JSON array of `TagSummary`, by name: a column of the record's statement. */
export function tagSummariesSql(link: Link, alias: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', record_tag.id, 'name', record_tag.name,
                                                    'color', record_tag.color)
                                  ORDER BY record_tag.name, record_tag.id), '[]'::json)
             ${liveTagsOf(link, alias)})`;
}

/** The record's live tag names, `; `-separated by name (for exports). */
export function tagNamesSql(link: Link, alias: string): string {
  return `(SELECT string_agg(record_tag.name, '; ' ORDER BY record_tag.name) ${liveTagsOf(link, alias)})`;
}
