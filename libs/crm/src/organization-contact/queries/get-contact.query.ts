import type { ContactRelation } from '../contact-relations';

export class GetContactQuery {
  constructor(
    readonly contactId: string,
    readonly relations: readonly ContactRelation[],
  ) {}
}
