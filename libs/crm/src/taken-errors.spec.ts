import { describe, expect, it } from 'vitest';
import { ConflictError } from '@clientele/core';
import { CustomerNameTakenError } from './customers/customer-name-taken.error';
import { ContactEmailTakenError } from './organization-contact/contact-email-taken.error';

/** The 409s that name the record already holding a unique value, one row each. */
const CASES = [
  {
    name: 'CustomerNameTakenError',
    error: new CustomerNameTakenError('9a2e', 'Acme'),
    code: CustomerNameTakenError.code,
    expectedCode: 'CUSTOMER_NAME_TAKEN',
    existingId: '9a2e',
    detail: 'The organization already has a customer named "Acme".',
  },
  {
    name: 'ContactEmailTakenError',
    error: new ContactEmailTakenError('6f1c', 'jane@acme.com'),
    code: ContactEmailTakenError.code,
    expectedCode: 'CONTACT_EMAIL_TAKEN',
    existingId: '6f1c',
    detail: 'Contact 6f1c in this organization already has the e-mail jane@acme.com.',
  },
];

describe.each(CASES)('$name', ({ error, code, expectedCode, existingId, detail }) => {
  it(`is the 409 ${expectedCode} problem naming the holder, as the API has always answered it`, () => {
    expect(error).toBeInstanceOf(ConflictError);
    expect(code).toBe(expectedCode);
    // What the problem filter writes: status, title, code, detail, and existingId beside them.
    expect({
      ...error.extensions,
      status: error.status,
      title: error.title,
      code: error.code,
      detail: error.detail,
    }).toEqual({ existingId, status: 409, title: 'Conflict', code: expectedCode, detail });
  });
});
