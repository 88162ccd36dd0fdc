import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { loadContactRelations } from '../contact-relations';
import { ContactEntity } from '../entities/contact.entity';
import { GetContactQuery } from './get-contact.query';

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery, ContactEntity> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ contactId, relations }: GetContactQuery): Promise<ContactEntity> {
    const contact = await this.reader.repository(ContactEntity).findOneOrFail(contactId);
    await loadContactRelations(this.reader, [contact], relations);
    return contact;
  }
}
