import { describe, expect, it } from 'vitest';
import { ValidationError } from '@clientele/core';
import type { SlaPolicyDto } from './dto/sla-policy.dto';
import { slaPolicyFrom } from './sla-policy-input';

describe('slaPolicyFrom', () => {
  it('fills in the default schedule and keeps the targets sent', () => {
    const input: SlaPolicyDto = {
      clock: 'BUSINESS_HOURS',
      targets: { HIGH: { firstResponseMinutes: 60, resolutionMinutes: 240 } },
    };
    expect(slaPolicyFrom(input)).toEqual({
      clock: 'BUSINESS_HOURS',
      businessHours: { timeZone: 'UTC', days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], open: '09:00', close: '17:00' },
      targets: { HIGH: { firstResponseMinutes: 60, resolutionMinutes: 240 } },
    });
  });

  it('refuses a resolution target shorter than the first response, naming the field', () => {
    const input: SlaPolicyDto = {
      clock: 'CALENDAR_HOURS',
      targets: { LOW: { firstResponseMinutes: 60, resolutionMinutes: 30 } },
    };
    expect(() => slaPolicyFrom(input, 'slaPolicy.')).toThrow(ValidationError);
    try {
      slaPolicyFrom(input, 'slaPolicy.');
    } catch (error) {
      expect((error as ValidationError).errors?.[0]?.field).toBe('slaPolicy.targets.LOW.resolutionMinutes');
      expect((error as ValidationError).code).toBe('INVALID_RANGE');
    }
  });

  it('refuses a window shorter than 15 minutes or closing before it opens', () => {
    for (const close of ['09:10', '08:00']) {
      const input: SlaPolicyDto = { clock: 'BUSINESS_HOURS', businessHours: { open: '09:00', close }, targets: {} };
      expect(() => slaPolicyFrom(input)).toThrow(ValidationError);
    }
  });
});
