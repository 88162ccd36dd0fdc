import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  Permission,
  schema,
} from '@clientele/core';
import { BUDGET_TYPES, CONTACT_KINDS } from '../../contact-kind';

/** A contact as audit entries and events carry it, wherever it is published (`contactSnapshot`). */
export const CONTACT_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  name: schema.string(),
  firstName: schema.nullable(schema.string()),
  lastName: schema.nullable(schema.string()),
  primaryEmail: schema.nullable(schema.string()),
  primaryPhone: schema.nullable(schema.string()),
  jobTitle: schema.nullable(schema.string()),
  contactType: schema.enum(...CONTACT_KINDS),
  status: schema.nullable(schema.string()),
  customerId: schema.nullable(schema.uuid()),
  ownerId: schema.nullable(schema.uuid()),
  imageUrl: schema.nullable(schema.string()),
  budget: schema.nullable(schema.decimal()),
  budgetType: schema.nullable(schema.enum(...BUDGET_TYPES)),
  notes: schema.nullable(schema.string()),
  marketingOptOut: schema.boolean(),
  isActive: schema.boolean(),
  tagIds: schema.array(schema.uuid()),
  memberIds: schema.array(schema.uuid()),
});
export type ContactSnapshot = Infer<typeof CONTACT_SNAPSHOT>;

export const ContactCreated = defineEvent('contact.created', 1, CONTACT_SNAPSHOT);
export const ContactUpdated = defineEvent('contact.updated', 1, CONTACT_SNAPSHOT);
export const ContactDeleted = defineEvent('contact.deleted', 1, CONTACT_SNAPSHOT);

EventVisibilities.register({ key: 'contact', grant: Permission.ORG_CONTACT_VIEW });
