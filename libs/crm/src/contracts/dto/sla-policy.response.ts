import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TICKET_PRIORITIES } from '../../tickets';
import {
  type BusinessHours,
  SLA_CLOCKS,
  type SlaClock,
  type SlaPolicy,
  type SlaTarget,
  WEEKDAYS,
  type Weekday,
} from '../sla-policy';

export class BusinessHoursResponse {
  @ApiProperty({ example: 'Europe/London' })
  timeZone: string;
  @ApiProperty({ enum: WEEKDAYS, isArray: true })
  days: Weekday[];
  @ApiProperty({ example: '09:00' })
  open: string;
  @ApiProperty({ example: '17:00' })
  close: string;

  static from(hours: BusinessHours): BusinessHoursResponse {
    return { timeZone: hours.timeZone, days: [...hours.days], open: hours.open, close: hours.close };
  }
}

export class SlaTargetResponse {
  firstResponseMinutes: number;
  resolutionMinutes: number;

  static from(target: SlaTarget): SlaTargetResponse {
    return { firstResponseMinutes: target.firstResponseMinutes, resolutionMinutes: target.resolutionMinutes };
  }
}

/** A target per priority; a priority left out has no due times. */
export class SlaTargetsResponse {
  @ApiPropertyOptional({ type: SlaTargetResponse })
  LOW?: SlaTargetResponse;
  @ApiPropertyOptional({ type: SlaTargetResponse })
  NORMAL?: SlaTargetResponse;
  @ApiPropertyOptional({ type: SlaTargetResponse })
  HIGH?: SlaTargetResponse;
  @ApiPropertyOptional({ type: SlaTargetResponse })
  URGENT?: SlaTargetResponse;
}

export class SlaPolicyResponse {
  @ApiProperty({ enum: SLA_CLOCKS })
  clock: SlaClock;
  /** The schedule business hours count in (kept, and shown, whatever the clock). */
  businessHours: BusinessHoursResponse;
  targets: SlaTargetsResponse;

  static from(policy: SlaPolicy): SlaPolicyResponse {
    const targets: SlaTargetsResponse = {};
    for (const priority of TICKET_PRIORITIES) {
      const target = policy.targets[priority];
      if (target !== undefined) targets[priority] = SlaTargetResponse.from(target);
    }
    return { clock: policy.clock, businessHours: BusinessHoursResponse.from(policy.businessHours), targets };
  }
}

/** The organization's default SLA policy (`null`: none; tickets without a contract policy get no due times). */
export class OrganizationSlaPolicyResponse {
  organizationId: string;
  @ApiProperty({ type: SlaPolicyResponse, nullable: true })
  policy: SlaPolicyResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  updatedAt: string | null;

  static from(
    organizationId: string,
    stored: { policy: SlaPolicy; updatedAt: Date } | null,
  ): OrganizationSlaPolicyResponse {
    return {
      organizationId,
      policy: stored === null ? null : SlaPolicyResponse.from(stored.policy),
      updatedAt: stored?.updatedAt.toISOString() ?? null,
    };
  }
}
