import type { Transaction } from '@clientele/core';
import type { TagEntity } from '../tags';
import type { CustomerEntity } from './entities/customer.entity';

/** What audit entries and events carry for a customer: its columns and its tag ids. */
export function customerSnapshot(
  tx: Transaction,
  customer: CustomerEntity,
  tags: readonly TagEntity[] | undefined,
): Record<string, unknown> {
  return {
    ...tx.snapshot(customer),
    tagIds: (tags ?? []).map((tag) => tag.id).sort(),
  };
}
