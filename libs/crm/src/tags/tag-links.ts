import { defineLink, type Link, Registry, type RegistryEntry } from '@clientele/core';

/** A link table whose targets are tags, under its table name. */
interface TagLinkEntry extends RegistryEntry {
  readonly link: Link;
}

/**
 * Every link table that tags a kind of record (`contact_tag`, `customer_tag`; `deal_tag` and
 * `ticket_tag` next). The tag helpers (`tagSummariesSql`, `whereTagged`, …) take only these,
 * so another link (a contact's members) cannot be read as tags by mistake.
 */
export const TagLinks = new Registry<TagLinkEntry>('tag link');

/**
 * Declares the table tagging a kind of record: a `defineLink` whose target column is `tag_id`,
 * registered as a tag link. Its migration gives it the usual link keys
 * (`(tenant_id, organization_id, tag_id)` → `tag`).
 */
export function registerTagLink({ table, ownerColumn }: { table: string; ownerColumn: string }): Link {
  const link = defineLink({ table, ownerColumn, targetColumn: 'tag_id' });
  TagLinks.register({ key: table, link });
  return link;
}

/** `link`, checked to be a registered tag link (the one with that table, not a look-alike). */
export function tagLink(link: Link): Link {
  if (!TagLinks.has(link.table) || TagLinks.get(link.table).link !== link) {
    throw new Error(`${link.table} is not a registered tag link: declare it with registerTagLink`);
  }
  return link;
}
