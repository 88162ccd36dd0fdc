import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  Permission,
  schema,
} from '@clientele/core';
import { CONTACT_KINDS } from '../../contact-kind';

/** A customer as audit entries and events carry it (`customerSnapshot`). */
export const CUSTOMER_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  name: schema.string(),
  kind: schema.enum(...CONTACT_KINDS),
  primaryDomain: schema.nullable(schema.string()),
  logoUrl: schema.nullable(schema.string()),
  notes: schema.nullable(schema.string()),
  ownerId: schema.nullable(schema.uuid()),
  tagIds: schema.array(schema.uuid()),
});
export type CustomerSnapshot = Infer<typeof CUSTOMER_SNAPSHOT>;

export const CustomerCreated = defineEvent('customer.created', 1, CUSTOMER_SNAPSHOT);
export const CustomerUpdated = defineEvent('customer.updated', 1, CUSTOMER_SNAPSHOT);
export const CustomerDeleted = defineEvent('customer.deleted', 1, CUSTOMER_SNAPSHOT);

EventVisibilities.register({ key: 'customer', grant: Permission.ORG_CUSTOMER_VIEW });
