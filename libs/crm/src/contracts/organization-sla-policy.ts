import type { Transaction } from '@clientele/core';
import { OrganizationSlaPolicyEntity } from './entities/organization-sla-policy.entity';

/** The organization's live default policy, locked for the rest of the transaction (null: none). */
export function lockOrganizationPolicy(
  tx: Transaction,
  organizationId: string,
): Promise<OrganizationSlaPolicyEntity | null> {
  return tx
    .repository(OrganizationSlaPolicyEntity)
    .query('policy', 'visible')
    .andWhere('policy.organizationId = :policyOrganizationId', { policyOrganizationId: organizationId })
    .setLock('pessimistic_write')
    .getOne();
}
