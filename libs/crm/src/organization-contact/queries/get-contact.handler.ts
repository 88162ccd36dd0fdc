import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { type ContactRow, findContactRow } from '../contact-relations';
import { GetContactQuery } from './get-contact.query';

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery, ContactRow> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ contactId, relations }: GetContactQuery): Promise<ContactRow> {
    return findContactRow(this.reader, contactId, relations);
  }
}
