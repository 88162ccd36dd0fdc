import { NotFoundError, type Transaction } from '@clientele/core';
import { ContactEntity } from '../organization-contact';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Contact references as a body sends them: each a contact id or an e-mail address. */
export interface SplitContactRefs {
  readonly ids: readonly string[];
  /** Lower-cased: e-mails match case-insensitively, for adding and for removing. */
  readonly emails: readonly string[];
}

export function splitContactRefs(refs: readonly string[]): SplitContactRefs {
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const ref of refs) {
    const value = ref.trim().toLowerCase();
    (UUID.test(value) ? ids : emails).add(value);
  }
  return { ids: [...ids], emails: [...emails] };
}

/** The contacts of `organizationId` references named, and the e-mails no contact there has. */
export interface ResolvedContactRefs {
  readonly contacts: readonly ContactEntity[];
  readonly unknownEmails: readonly string[];
}

/**
 * Finds the live contacts of the ticket's organization that `refs` name, by id or by e-mail
 * (case-insensitive): one statement for all of them. An id that is no contact of the
 * organization (another organization's or tenant's, or deleted) is a 404 naming `field`, as
 * any id in a body; an e-mail no contact has is reported back, never silently dropped.
 */
export async function resolveContactRefs(
  tx: Transaction,
  organizationId: string,
  refs: readonly string[],
  field: string,
): Promise<ResolvedContactRefs> {
  const { ids, emails } = splitContactRefs(refs);
  if (ids.length === 0 && emails.length === 0) return { contacts: [], unknownEmails: [] };
  const contacts = await tx
    .repository(ContactEntity)
    .query('contact', 'visible')
    .andWhere('contact.organizationId = :refOrganizationId', { refOrganizationId: organizationId })
    .andWhere('(contact.id = ANY(:refIds::uuid[]) OR lower(contact.primaryEmail) = ANY(:refEmails::text[]))', {
      refIds: ids,
      refEmails: emails,
    })
    .orderBy('contact.name')
    .addOrderBy('contact.id')
    .getMany();
  const foundIds = new Set(contacts.map((contact) => contact.id));
  const missingId = ids.find((id) => !foundIds.has(id));
  if (missingId !== undefined) throw new NotFoundError('CONTACT', missingId, field);
  const foundEmails = new Set(contacts.flatMap((contact) => contact.primaryEmail?.toLowerCase() ?? []));
  return { contacts, unknownEmails: emails.filter((email) => !foundEmails.has(email)) };
}
