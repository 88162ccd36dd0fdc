import type { ProjectSnapshot } from './events/project.events';

/** The fields of a project a PATCH may change besides its contacts. */
const FIELDS = ['name', 'description', 'status', 'customerId'] as const;

/**
 * What a PATCH did to a project, as the event it publishes: `contacts_changed` when only the
 * contacts changed, else `updated` (also for a PATCH that changed nothing: it still bumped the version).
 */
export function projectChangeVerb(
  before: Pick<ProjectSnapshot, (typeof FIELDS)[number] | 'contactIds'>,
  after: Pick<ProjectSnapshot, (typeof FIELDS)[number] | 'contactIds'>,
): 'updated' | 'contacts_changed' {
  const fieldsChanged = FIELDS.some((field) => before[field] !== after[field]);
  const contactsChanged = [...before.contactIds].sort().join() !== [...after.contactIds].sort().join();
  return contactsChanged && !fieldsChanged ? 'contacts_changed' : 'updated';
}
