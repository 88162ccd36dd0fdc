import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { ProjectEntity } from '../entities/project.entity';
import { PROJECT_STATUSES } from '../project-status';

/** A project as audit entries and events carry it: its columns and its contact ids (no e-mail or phone). */
export const PROJECT_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  name: schema.string(),
  description: schema.nullable(schema.string()),
  status: schema.enum(...PROJECT_STATUSES),
  customerId: schema.nullable(schema.uuid()),
  contactIds: schema.array(schema.uuid()),
});
export type ProjectSnapshot = Infer<typeof PROJECT_SNAPSHOT>;

export function projectSnapshot(project: ProjectEntity, contactIds: readonly string[]): ProjectSnapshot {
  return {
    ...organizationRecordSnapshot(project),
    name: project.name,
    description: project.description ?? null,
    status: project.status,
    customerId: project.customerId ?? null,
    contactIds: [...contactIds].sort(),
  };
}

export const ProjectCreated = defineEvent('project.created', 1, PROJECT_SNAPSHOT);
export const ProjectUpdated = defineEvent('project.updated', 1, PROJECT_SNAPSHOT);
export const ProjectDeleted = defineEvent('project.deleted', 1, PROJECT_SNAPSHOT);
/** Only the contacts changed (`contactIds` before and after); with other fields it is a `project.updated`. */
export const ProjectContactsChanged = defineEvent('project.contacts_changed', 1, PROJECT_SNAPSHOT);

// Projects are read with the customer grant, as the portal shows them on the customer.
EventVisibilities.register({ key: 'project', grant: Permission.ORG_CUSTOMER_VIEW });

const EVENTS = {
  created: ProjectCreated,
  updated: ProjectUpdated,
  deleted: ProjectDeleted,
  contacts_changed: ProjectContactsChanged,
} as const;

export async function recordProjectChange(
  tx: Transaction,
  verb: keyof typeof EVENTS,
  project: ProjectEntity,
  change: { before?: ProjectSnapshot; after?: ProjectSnapshot },
): Promise<void> {
  await tx.publish(EVENTS[verb], { entityId: project.id, organizationId: project.organizationId, ...change });
}
