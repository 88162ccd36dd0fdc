import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity, ValidationError } from '@clientele/core';
import { type ContractState, contractState, utcDate } from '../contract-state';
import type { SlaPolicy } from '../sla-policy';

/**
 * A customer's support contract: in force from `startDate` to `endDate` (inclusive, `YYYY-MM-DD`),
 * optionally with an SLA policy that overrides the organization's default for the customer's
 * tickets opened while it is in force. Its state is derived from the dates (`state`).
 */
@Entity('contract')
export class ContractEntity extends OrganizationScopedEntity {
  @Column('uuid')
  customerId: string;

  @Column('text')
  name: string;

  @Column('date')
  startDate: string;

  @Column('date')
  endDate: string;

  @Column('jsonb', { nullable: true })
  slaPolicy: SlaPolicy | null;

  /** New dates: an end before the start is a 400 `INVALID_RANGE` on `endDate`. */
  schedule(startDate: string, endDate: string): void {
    if (endDate < startDate) {
      throw ValidationError.field('endDate', 'endDate must not be before startDate', 'INVALID_RANGE');
    }
    this.startDate = startDate;
    this.endDate = endDate;
  }

  state(now: Date): ContractState {
    return contractState(this.startDate, this.endDate, utcDate(now));
  }
}
