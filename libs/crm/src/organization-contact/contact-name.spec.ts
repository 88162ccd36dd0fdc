import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import { composeContactName, nextContactName } from './contact-name';

describe('composeContactName', () => {
  it('joins first and last name, skipping empty parts', () => {
    expect(composeContactName('Jane', 'Doe')).toBe('Jane Doe');
    expect(composeContactName(' Jane ', null)).toBe('Jane');
    expect(composeContactName(undefined, 'Doe')).toBe('Doe');
    expect(composeContactName('', '  ')).toBe('');
  });
});

describe('nextContactName', () => {
  const jane = { name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe' };

  it('composes a new person from first and last name', () => {
    expect(nextContactName(undefined, { firstName: 'Jane', lastName: 'Doe' })).toBe('Jane Doe');
  });

  it('uses a name sent as it is (a business contact)', () => {
    expect(nextContactName(undefined, { name: 'Acme Corporation' })).toBe('Acme Corporation');
    expect(nextContactName(jane, { name: 'J. Doe', firstName: 'Janet' })).toBe('J. Doe');
  });

  it('recomposes when first or last name changes, keeping the other part', () => {
    expect(nextContactName(jane, { lastName: 'Smith' })).toBe('Jane Smith');
    expect(nextContactName(jane, { firstName: 'Janet' })).toBe('Janet Doe');
    expect(nextContactName(jane, { lastName: null })).toBe('Jane');
  });

  it('keeps the name when neither part changes', () => {
    expect(nextContactName({ name: 'Acme', firstName: null, lastName: null }, {})).toBe('Acme');
  });

  it('refuses to leave a contact nameless', () => {
    expect(() => nextContactName(undefined, {})).toThrow(ValidationError);
    expect(() => nextContactName({ name: 'Jane', firstName: 'Jane', lastName: null }, { firstName: null })).toThrow(
      ValidationError,
    );
  });
});
