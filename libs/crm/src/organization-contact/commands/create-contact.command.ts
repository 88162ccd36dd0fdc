import type { ContactInput } from '../contact-input';

/** Creates a contact; sent by both API surfaces, each mapping its body to a `ContactInput`. */
export class CreateContactCommand {
  constructor(readonly input: ContactInput) {}
}
