import { type Transaction } from '@clientele/core';
import { type TicketEntity, TicketOpeningSteps } from '../tickets';
import { dueAt } from './business-hours';
import { utcDate } from './contract-state';
import { ContractEntity } from './entities/contract.entity';
import { OrganizationSlaPolicyEntity } from './entities/organization-sla-policy.entity';
import type { SlaPolicy } from './sla-policy';

/**
 * The policy a ticket opened on `today` (UTC) falls under: the SLA policy of its customer's
 * contract in force that day (the one ending last, if several have one), else the
 * organization's default, else none.
 */
export async function applicableSlaPolicy(
  tx: Transaction,
  organizationId: string,
  customerId: string | null,
  today: string,
): Promise<SlaPolicy | null> {
  if (customerId !== null) {
    const contract = await tx
      .repository(ContractEntity)
      .query('contract', 'visible')
      .andWhere('contract.organizationId = :slaOrganizationId', { slaOrganizationId: organizationId })
      .andWhere('contract.customerId = :slaCustomerId', { slaCustomerId: customerId })
      .andWhere('contract.startDate <= :slaToday AND contract.endDate >= :slaToday', { slaToday: today })
      .andWhere('contract.slaPolicy IS NOT NULL')
      .orderBy('contract.endDate', 'DESC')
      .addOrderBy('contract.createdAt', 'DESC')
      .addOrderBy('contract.id', 'DESC')
      .getOne();
    if (contract?.slaPolicy != null) return contract.slaPolicy;
  }
  const fallback = await tx
    .repository(OrganizationSlaPolicyEntity)
    .query('policy', 'visible')
    .andWhere('policy.organizationId = :slaOrganizationId', { slaOrganizationId: organizationId })
    .getOne();
  return fallback?.policy ?? null;
}

/**
 * Stamps a new ticket's due times from the policy that applies as it is opened, for its
 * priority. They are kept from then on: a later change of priority, customer, contract or
 * policy does not move them.
 */
TicketOpeningSteps.register({
  key: 'slaDueTimes',
  async run(tx: Transaction, ticket: TicketEntity, openedAt: Date): Promise<void> {
    ticket.firstResponseDueAt = null;
    ticket.resolutionDueAt = null;
    const policy = await applicableSlaPolicy(tx, ticket.organizationId, ticket.customerId, utcDate(openedAt));
    const target = policy?.targets[ticket.priority];
    if (policy == null || target === undefined) return;
    ticket.firstResponseDueAt = dueAt(openedAt, target.firstResponseMinutes, policy.clock, policy.businessHours);
    ticket.resolutionDueAt = dueAt(openedAt, target.resolutionMinutes, policy.clock, policy.businessHours);
  },
});
