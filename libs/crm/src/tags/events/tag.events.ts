import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
} from '@clientele/core';
import type { TagEntity } from '../entities/tag.entity';

export const TAG_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  name: schema.string(),
  color: schema.string(),
  description: schema.nullable(schema.string()),
});
export type TagSnapshot = Infer<typeof TAG_SNAPSHOT>;

export function tagSnapshot(tag: TagEntity): TagSnapshot {
  return {
    ...organizationRecordSnapshot(tag),
    name: tag.name,
    color: tag.color,
    description: tag.description ?? null,
  };
}

export const TagCreated = defineEvent('tag.created', 1, TAG_SNAPSHOT);
export const TagUpdated = defineEvent('tag.updated', 1, TAG_SNAPSHOT);
export const TagDeleted = defineEvent('tag.deleted', 1, TAG_SNAPSHOT);

EventVisibilities.register({ key: 'tag', grant: Permission.ORG_TAG_VIEW });
