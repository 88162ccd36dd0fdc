import type { TagEntity } from './entities/tag.entity';
import type { TagLink } from './tag-filter';

/** A tag as a tagged record shows it. */
export type TagSummary = Pick<TagEntity, 'id' | 'name' | 'color'>;

/**
 * The record's live tags as a JSON array of `TagSummary`, a column of the record's own
 * statement: one probe of the link table's primary key per row of the page, no extra round trip.
 * `alias` is the record's alias in the query.
 */
export function tagSummariesSql(link: TagLink, alias: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', summary_tag.id, 'name', summary_tag.name,
                                                    'color', summary_tag.color)
                                  ORDER BY summary_tag.name, summary_tag.id), '[]'::json)
             FROM ${link.table} summary_link
             JOIN tag summary_tag ON summary_tag.id = summary_link.tag_id AND summary_tag.deleted_at IS NULL
                                 AND summary_tag.tenant_id = "${alias}".tenant_id
            WHERE summary_link.${link.column} = "${alias}".id)`;
}
