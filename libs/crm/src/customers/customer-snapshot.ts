import { organizationRecordSnapshot } from '@clientele/core';
import type { TagEntity } from '../tags';
import type { CustomerEntity } from './entities/customer.entity';
import type { CustomerSnapshot } from './events/customer.events';

/** What audit entries and events carry for a customer: its columns and its tag ids. */
export function customerSnapshot(customer: CustomerEntity, tags: readonly TagEntity[] | undefined): CustomerSnapshot {
  return {
    ...organizationRecordSnapshot(customer),
    name: customer.name,
    kind: customer.kind,
    primaryDomain: customer.primaryDomain ?? null,
    logoUrl: customer.logoUrl ?? null,
    notes: customer.notes ?? null,
    ownerId: customer.ownerId ?? null,
    tagIds: (tags ?? []).map((tag) => tag.id).sort(),
  };
}
