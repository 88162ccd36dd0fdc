import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import { ContactEntity } from './contact.entity';

const STATUSES = ['Prospect', 'Active', 'Churned'];

function stored(fields: Partial<ContactEntity>): ContactEntity {
  return Object.assign(new ContactEntity(), {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Jane Doe',
    firstName: 'Jane',
    lastName: 'Doe',
    primaryEmail: 'jane@acme.com',
    status: 'Active',
    budget: '100.0000',
    ...fields,
  });
}

function fieldErrors(apply: () => unknown): unknown {
  try {
    apply();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors;
  }
  return expect.unreachable('no ValidationError');
}

describe('ContactEntity.applyDetails', () => {
  it('makes a person: name composed, status as the organization spells it, budget at the column scale', () => {
    const contact = new ContactEntity();
    contact.applyDetails(
      {
        firstName: 'Jane',
        lastName: 'Doe',
        jobTitle: 'CTO',
        status: ' active ',
        budget: '50000',
        budgetType: 'HOURS',
        marketingOptOut: true,
      },
      STATUSES,
      'create',
    );
    expect(contact).toMatchObject({
      name: 'Jane Doe',
      firstName: 'Jane',
      lastName: 'Doe',
      jobTitle: 'CTO',
      status: 'Active',
      budget: '50000.0000',
      budgetType: 'HOURS',
      marketingOptOut: true,
    });
  });

  it('keeps what a change leaves out, clears what it sends as null, recomposes the name', () => {
    const contact = stored({ notes: 'met at the fair' });
    contact.applyDetails({ lastName: 'Smith', budget: null, status: null }, STATUSES, 'update');
    expect(contact).toMatchObject({
      name: 'Jane Smith',
      firstName: 'Jane',
      lastName: 'Smith',
      budget: null,
      status: null,
      notes: 'met at the fair',
      primaryEmail: 'jane@acme.com',
    });
    contact.applyDetails({ budget: '12.125' }, STATUSES, 'update');
    expect(contact).toMatchObject({ name: 'Jane Smith', budget: '12.1250' });
  });

  it('refuses a nameless contact on the field the surface sent', () => {
    expect(fieldErrors(() => new ContactEntity().applyDetails({}, STATUSES, 'create'))).toEqual([
      { field: 'name', message: 'a contact needs a name: send name, or firstName and/or lastName' },
    ]);
    expect(
      fieldErrors(() => stored({ lastName: null, name: 'Jane' }).applyDetails({ firstName: null }, STATUSES, 'update')),
    ).toEqual([{ field: 'firstName', message: 'a contact needs a name: send name, or firstName and/or lastName' }]);
  });

  it('refuses a status the organization does not have, and changes nothing then', () => {
    const contact = stored({});
    expect(fieldErrors(() => contact.applyDetails({ status: 'Lost', lastName: 'Smith' }, STATUSES, 'update'))).toEqual([
      { field: 'status', message: "status must be one of the organization's statuses: Prospect, Active, Churned" },
    ]);
    expect(contact).toMatchObject({ name: 'Jane Doe', lastName: 'Doe', status: 'Active' });
  });

  it('names the name before the status when both are wrong', () => {
    expect(fieldErrors(() => new ContactEntity().applyDetails({ status: 'Lost' }, STATUSES, 'create'))).toEqual([
      { field: 'name', message: 'a contact needs a name: send name, or firstName and/or lastName' },
    ]);
  });
});

describe('ContactEntity.changeEmail', () => {
  it('keeps the e-mail trimmed and in lower case, and asks for a check of any e-mail on create', () => {
    const contact = new ContactEntity();
    expect(contact.changeEmail('  Jane@Acme.COM ', 'create')).toBe('jane@acme.com');
    expect(contact.primaryEmail).toBe('jane@acme.com');
    expect(new ContactEntity().changeEmail(null, 'create')).toBeNull();
  });

  it('asks for a check only when a change gives the contact another address', () => {
    const contact = stored({});
    expect(contact.changeEmail('JANE@acme.com', 'update')).toBeNull();
    expect(contact.primaryEmail).toBe('jane@acme.com');
    expect(contact.changeEmail(undefined, 'update')).toBeNull();
    expect(contact.primaryEmail).toBe('jane@acme.com');
    expect(contact.changeEmail('j.doe@acme.com', 'update')).toBe('j.doe@acme.com');
    expect(contact.changeEmail(null, 'update')).toBeNull();
    expect(contact.primaryEmail).toBeNull();
  });

  it('compares with a stored address whatever its case', () => {
    const contact = stored({ primaryEmail: 'Jane@Acme.com' });
    expect(contact.changeEmail('jane@acme.com', 'update')).toBeNull();
    expect(contact.primaryEmail).toBe('jane@acme.com');
  });
});

describe('ContactEntity.assignOwner', () => {
  it('keeps the owner id in lower case, or none', () => {
    const contact = stored({});
    contact.assignOwner('6F1C0000-0000-4000-8000-00000000ABCD');
    expect(contact.ownerId).toBe('6f1c0000-0000-4000-8000-00000000abcd');
    contact.assignOwner(null);
    expect(contact.ownerId).toBeNull();
  });
});
