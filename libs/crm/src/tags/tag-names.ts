import type { TagLink } from './tag-filter';

/** A scalar subquery of a record's live tag names, `; `-separated by name (for exports). */
export function tagNamesSql(link: TagLink, alias: string): string {
  return `(SELECT string_agg(t.name, '; ' ORDER BY t.name) FROM ${link.table} link
             JOIN tag t ON t.id = link.tag_id AND t.deleted_at IS NULL
            WHERE link.${link.column} = ${alias}.id)`;
}
