import { Permission, readRows } from '@clientele/core';
import { ContactDetailSections } from '../organization-contact';
import { dealView, selectDealView } from './deal-views';
import { DealResponse } from './dto/deal.response';
import { DealEntity } from './entities/deal.entity';

/** The open deals a contact view shows; the rest are a `GET deals?contactId=&status=OPEN` away. */
export const OPEN_DEALS_SHOWN = 20;

/**
 * `openDeals` of `GET crm/contacts/:id`: the contact's open deals, newest first, as the deal
 * list shows them; none for an actor who may not view deals in the contact's organization.
 */
ContactDetailSections.register({
  key: 'openDeals',
  order: 10,
  description: `The contact's open deals, newest first (at most ${OPEN_DEALS_SHOWN}), as the deal list shows them.`,
  load: async (reader, contact) => {
    if (!reader.scope().isGranted(contact.organizationId, [Permission.ORG_DEAL_VIEW])) return [];
    const qb = reader
      .repository(DealEntity)
      .query('deal')
      .andWhere('deal.organizationId = :openDealsOrganizationId', { openDealsOrganizationId: contact.organizationId })
      .andWhere('deal.contactId = :openDealsContactId', { openDealsContactId: contact.id })
      .andWhere(`deal.status = 'OPEN'`)
      .orderBy('deal.createdAt', 'DESC')
      .addOrderBy('deal.id', 'DESC')
      .limit(OPEN_DEALS_SHOWN);
    const now = new Date();
    const rows = await readRows(selectDealView(qb));
    return rows.map(({ entity, raw }) => DealResponse.from(dealView(entity, raw, now)));
  },
});
