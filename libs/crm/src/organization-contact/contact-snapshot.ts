import type { Transaction } from '@clientele/core';
import type { ContactEntity } from './entities/contact.entity';

/** What audit entries and events carry for a contact: its columns, tag ids and member ids. */
export function contactSnapshot(tx: Transaction, contact: ContactEntity): Record<string, unknown> {
  return {
    ...tx.snapshot(contact),
    tagIds: (contact.tags ?? []).map((tag) => tag.id).sort(),
    memberIds: (contact.members ?? []).map((member) => member.id).sort(),
  };
}
