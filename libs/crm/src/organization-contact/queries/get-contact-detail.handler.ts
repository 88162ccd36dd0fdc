import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import type { ContactDetail } from '../contact-detail';
import { loadContactDetailSections } from '../contact-detail-sections';
import { findContactRow, PORTAL_CONTACT_RELATIONS } from '../contact-relations';
import { GetContactDetailQuery } from './get-contact-detail.query';

/** The portal's contact view: the contact, its customer, and the sections other modules register. */
@QueryHandler(GetContactDetailQuery)
export class GetContactDetailHandler implements IQueryHandler<GetContactDetailQuery, ContactDetail> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ contactId }: GetContactDetailQuery): Promise<ContactDetail> {
    const contact = await findContactRow(this.reader, contactId, PORTAL_CONTACT_RELATIONS);
    return { contact, sections: await loadContactDetailSections(this.reader, contact) };
  }
}
