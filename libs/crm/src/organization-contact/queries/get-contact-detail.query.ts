export class GetContactDetailQuery {
  constructor(readonly contactId: string) {}
}
