import { ValidationError } from '@clientele/core';
import { TICKET_PRIORITIES } from '../tickets';
import type { SlaPolicyDto } from './dto/sla-policy.dto';
import { DEFAULT_BUSINESS_HOURS, type SlaPolicy, type SlaTarget } from './sla-policy';

/** The shortest open window a schedule may have: keeps the business-hours walk short. */
const MIN_WINDOW_MINUTES = 15;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * The policy a body sent, with the schedule's defaults filled in; `prefix` is where it sits in
 * the body (`slaPolicy.`, or nothing), so a 400 names the field as the client sent it. Rules
 * across fields (a window of 15 minutes at least, resolution not before first response) are a
 * 400 `INVALID_RANGE`, as a contract's end before its start is.
 */
export function slaPolicyFrom(input: SlaPolicyDto, prefix = ''): SlaPolicy {
  const businessHours = {
    timeZone: input.businessHours?.timeZone ?? DEFAULT_BUSINESS_HOURS.timeZone,
    days: input.businessHours?.days ?? DEFAULT_BUSINESS_HOURS.days,
    open: input.businessHours?.open ?? DEFAULT_BUSINESS_HOURS.open,
    close: input.businessHours?.close ?? DEFAULT_BUSINESS_HOURS.close,
  };
  if (minutesOf(businessHours.close) - minutesOf(businessHours.open) < MIN_WINDOW_MINUTES) {
    throw ValidationError.field(
      `${prefix}businessHours.close`,
      `close must be at least ${MIN_WINDOW_MINUTES} minutes after open`,
      'INVALID_RANGE',
    );
  }
  const targets: Partial<Record<(typeof TICKET_PRIORITIES)[number], SlaTarget>> = {};
  for (const priority of TICKET_PRIORITIES) {
    const target = input.targets[priority];
    if (target === undefined) continue;
    if (target.resolutionMinutes < target.firstResponseMinutes) {
      throw ValidationError.field(
        `${prefix}targets.${priority}.resolutionMinutes`,
        'resolutionMinutes must not be less than firstResponseMinutes',
        'INVALID_RANGE',
      );
    }
    targets[priority] = {
      firstResponseMinutes: target.firstResponseMinutes,
      resolutionMinutes: target.resolutionMinutes,
    };
  }
  return { clock: input.clock, businessHours, targets };
}
