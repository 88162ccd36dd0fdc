import { ConflictError } from '@clientele/core';

/** 409: another live contact of the organization has this e-mail; `existingId` names it. */
export class ContactEmailTakenError extends ConflictError {
  static readonly code = 'CONTACT_EMAIL_TAKEN';

  constructor(
    readonly existingId: string,
    email: string,
  ) {
    super(ContactEmailTakenError.code, `Contact ${existingId} in this organization already has the e-mail ${email}.`, {
      existingId,
    });
  }
}
