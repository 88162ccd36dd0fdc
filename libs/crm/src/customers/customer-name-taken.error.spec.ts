import { describe, expect, it } from 'vitest';
import { ConflictError } from '@clientele/core';
import { CustomerNameTakenError } from './customer-name-taken.error';

describe('CustomerNameTakenError', () => {
  it('is the 409 CUSTOMER_NAME_TAKEN problem naming the holder, as the API has always answered it', () => {
    const error = new CustomerNameTakenError('9a2e', 'Acme');
    expect(error).toBeInstanceOf(ConflictError);
    expect(CustomerNameTakenError.code).toBe('CUSTOMER_NAME_TAKEN');
    // What the problem filter writes: status, title, code, detail, and existingId beside them.
    expect({
      ...error.extensions,
      status: error.status,
      title: error.title,
      code: error.code,
      detail: error.detail,
    }).toEqual({
      existingId: '9a2e',
      status: 409,
      title: 'Conflict',
      code: 'CUSTOMER_NAME_TAKEN',
      detail: 'The organization already has a customer named "Acme".',
    });
  });
});
