import { registerUniqueConstraint } from '@clientele/core';
import { ContactEmailTakenError } from './contact-email-taken.error';

// The backstop behind the pre-check in contact-email.ts (which also names the existing contact).
registerUniqueConstraint(
  'contact_email_uq',
  ContactEmailTakenError.code,
  'The organization already has a contact with this e-mail.',
);
