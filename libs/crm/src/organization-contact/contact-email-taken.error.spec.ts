import { describe, expect, it } from 'vitest';
import { ConflictError } from '@clientele/core';
import { ContactEmailTakenError } from './contact-email-taken.error';

describe('ContactEmailTakenError', () => {
  it('is the 409 CONTACT_EMAIL_TAKEN problem naming the holder, as the API has always answered it', () => {
    const error = new ContactEmailTakenError('6f1c', 'jane@acme.com');
    expect(error).toBeInstanceOf(ConflictError);
    expect(ContactEmailTakenError.code).toBe('CONTACT_EMAIL_TAKEN');
    // What the problem filter writes: status, title, code, detail, and existingId beside them.
    expect({
      ...error.extensions,
      status: error.status,
      title: error.title,
      code: error.code,
      detail: error.detail,
    }).toEqual({
      existingId: '6f1c',
      status: 409,
      title: 'Conflict',
      code: 'CONTACT_EMAIL_TAKEN',
      detail: 'Contact 6f1c in this organization already has the e-mail jane@acme.com.',
    });
  });
});
