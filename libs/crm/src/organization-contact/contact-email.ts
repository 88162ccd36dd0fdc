import type { Transaction } from '@clientele/core';
import { ContactEmailTakenError } from './contact-email-taken.error';
import { ContactEntity } from './entities/contact.entity';

/**
 * An e-mail belongs to one live contact per organization (case-insensitive). The check names
 * the holder (`existingId`) so a client can link to it; the partial unique index
 * `contact_email_uq` remains the backstop against two requests racing past the check.
 */
export async function assertContactEmailFree(
  tx: Transaction,
  organizationId: string,
  email: string,
  exceptId?: string,
): Promise<void> {
  const holder = await tx
    .repository(ContactEntity)
    .query('contact', 'visible')
    .select('contact.id')
    .andWhere('contact.organizationId = :organizationId', { organizationId })
    .andWhere('lower(contact.primaryEmail) = lower(:email)', { email })
    .getOne();
  if (holder !== null && holder.id !== exceptId) {
    throw new ContactEmailTakenError(holder.id, email);
  }
}
