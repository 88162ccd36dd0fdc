import type { ContactInput } from '../contact-input';

/** Changes the fields of `input` that are sent; Gauzy's PUT and the portal's PATCH alike. */
export class UpdateContactCommand {
  constructor(
    readonly contactId: string,
    readonly input: ContactInput,
  ) {}
}
