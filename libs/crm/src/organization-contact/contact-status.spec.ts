import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import { resolveContactStatus } from './contact-status';

describe('resolveContactStatus', () => {
  const statuses = ['Prospect', 'Active', 'Churned'];

  it('returns the configured spelling of a case-insensitive match', () => {
    expect(resolveContactStatus(statuses, 'active')).toBe('Active');
    expect(resolveContactStatus(statuses, ' CHURNED ')).toBe('Churned');
  });

  it('refuses another status with a 400 naming the allowed ones', () => {
    try {
      resolveContactStatus(statuses, 'Lost');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([
        { field: 'status', message: "status must be one of the organization's statuses: Prospect, Active, Churned" },
      ]);
    }
  });
});
