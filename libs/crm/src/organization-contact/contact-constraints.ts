import { registerUniqueConstraint } from '@clientele/core';

// The backstop behind the pre-check in contact-email.ts (which also names the existing contact).
registerUniqueConstraint(
  'contact_email_uq',
  'CONTACT_EMAIL_TAKEN',
  'The organization already has a contact with this e-mail.',
);
