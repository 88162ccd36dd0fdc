import type { ContactFilter } from './contact-filter';
import type { ListCrmContactsParams } from './dto/list-crm-contacts.params';

/** The portal's list filters in the contact table's terms (`kind` → `contactType`). */
export function crmContactFilter(
  params: Pick<ListCrmContactsParams, 'q' | 'kind' | 'status' | 'ownerId' | 'tag' | 'isActive'> &
    Partial<Pick<ListCrmContactsParams, 'customerId'>>,
): ContactFilter {
  return {
    q: params.q,
    contactType: params.kind,
    status: params.status,
    ownerId: params.ownerId,
    customerId: params.customerId,
    tag: params.tag,
    isActive: params.isActive,
  };
}
