import {
  defineEvent,
  EventVisibilities,
  type Infer,
  ORGANIZATION_RECORD_FIELDS,
  organizationRecordSnapshot,
  Permission,
  schema,
  type Transaction,
} from '@clientele/core';
import type { ContractEntity } from '../entities/contract.entity';
import type { OrganizationSlaPolicyEntity } from '../entities/organization-sla-policy.entity';
import { SLA_CLOCKS, type SlaPolicy, type SlaTarget, WEEKDAYS } from '../sla-policy';

const TARGET = schema.nullable(
  schema.object({ firstResponseMinutes: schema.integer(), resolutionMinutes: schema.integer() }),
);

/** An SLA policy in events: every priority present (`null` without a target). */
export const SLA_POLICY_SNAPSHOT = schema.object({
  clock: schema.enum(...SLA_CLOCKS),
  businessHours: schema.object({
    timeZone: schema.string(),
    days: schema.array(schema.enum(...WEEKDAYS)),
    open: schema.string(),
    close: schema.string(),
  }),
  targets: schema.object({ LOW: TARGET, NORMAL: TARGET, HIGH: TARGET, URGENT: TARGET }),
});
export type SlaPolicySnapshot = Infer<typeof SLA_POLICY_SNAPSHOT>;

function targetSnapshot(target: SlaTarget | undefined): SlaTarget | null {
  return target === undefined
    ? null
    : { firstResponseMinutes: target.firstResponseMinutes, resolutionMinutes: target.resolutionMinutes };
}

export function slaPolicySnapshot(policy: SlaPolicy): SlaPolicySnapshot {
  return {
    clock: policy.clock,
    businessHours: { ...policy.businessHours, days: [...policy.businessHours.days] },
    targets: {
      LOW: targetSnapshot(policy.targets.LOW),
      NORMAL: targetSnapshot(policy.targets.NORMAL),
      HIGH: targetSnapshot(policy.targets.HIGH),
      URGENT: targetSnapshot(policy.targets.URGENT),
    },
  };
}

/** A contract as audit entries and events carry it (its state is derived, so not in it). */
export const CONTRACT_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  customerId: schema.uuid(),
  name: schema.string(),
  startDate: schema.string(),
  endDate: schema.string(),
  slaPolicy: schema.nullable(SLA_POLICY_SNAPSHOT),
});
export type ContractSnapshot = Infer<typeof CONTRACT_SNAPSHOT>;

export function contractSnapshot(contract: ContractEntity): ContractSnapshot {
  return {
    ...organizationRecordSnapshot(contract),
    customerId: contract.customerId,
    name: contract.name,
    startDate: contract.startDate,
    endDate: contract.endDate,
    slaPolicy: contract.slaPolicy === null ? null : slaPolicySnapshot(contract.slaPolicy),
  };
}

export const ContractCreated = defineEvent('contract.created', 1, CONTRACT_SNAPSHOT);
export const ContractUpdated = defineEvent('contract.updated', 1, CONTRACT_SNAPSHOT);
export const ContractDeleted = defineEvent('contract.deleted', 1, CONTRACT_SNAPSHOT);

const CHANGES = { created: ContractCreated, updated: ContractUpdated, deleted: ContractDeleted } as const;

export async function recordContractChange(
  tx: Transaction,
  verb: keyof typeof CHANGES,
  contract: ContractEntity,
  change: { before?: ContractSnapshot; after?: ContractSnapshot },
): Promise<void> {
  await tx.publish(CHANGES[verb], { entityId: contract.id, organizationId: contract.organizationId, ...change });
}

/** The organization's default SLA policy. */
export const ORGANIZATION_SLA_POLICY_SNAPSHOT = schema.object({
  ...ORGANIZATION_RECORD_FIELDS,
  policy: SLA_POLICY_SNAPSHOT,
});
export type OrganizationSlaPolicySnapshot = Infer<typeof ORGANIZATION_SLA_POLICY_SNAPSHOT>;

export function organizationSlaPolicySnapshot(stored: OrganizationSlaPolicyEntity): OrganizationSlaPolicySnapshot {
  return { ...organizationRecordSnapshot(stored), policy: slaPolicySnapshot(stored.policy) };
}

export const SlaPolicySaved = defineEvent('sla_policy.saved', 1, ORGANIZATION_SLA_POLICY_SNAPSHOT);
export const SlaPolicyDeleted = defineEvent('sla_policy.deleted', 1, ORGANIZATION_SLA_POLICY_SNAPSHOT);

EventVisibilities.register({ key: 'contract', grant: Permission.ORG_CUSTOMER_VIEW });
EventVisibilities.register({ key: 'sla_policy', grant: Permission.ORG_CUSTOMER_VIEW });
