import { ValidationError } from '@clientele/core';

/** An inactive contact cannot be newly linked to a ticket (GitLab's rule). */
export function inactiveContactError(field: string, contactId: string): ValidationError {
  return ValidationError.field(field, `contact ${contactId} is inactive and cannot be linked`, 'CONTACT_INACTIVE');
}
