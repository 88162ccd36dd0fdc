import type { Transaction } from '@clientele/core';
import { contactSnapshot } from './contact-snapshot';
import type { ContactEntity } from './entities/contact.entity';
import { type ContactSnapshot, ContactUpdated } from './events/contact.events';

/**
 * `contact.updated` for a saved contact, from any path that changes one (the update commands,
 * the unlink when its customer is deleted): one payload shape, the contact's snapshot.
 * `contact` must carry its tags and members (`loadContactLinks`), as `before` did.
 */
export async function publishContactUpdated(
  tx: Transaction,
  before: ContactSnapshot,
  contact: ContactEntity,
): Promise<void> {
  await tx.publish(ContactUpdated, {
    entityId: contact.id,
    organizationId: contact.organizationId,
    before,
    after: contactSnapshot(contact),
  });
}
