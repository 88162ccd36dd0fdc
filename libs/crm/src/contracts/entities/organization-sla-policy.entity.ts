import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { SlaPolicy } from '../sla-policy';

/** The organization's default SLA policy (at most one live row per organization); a contract's policy overrides it. */
@Entity('organization_sla_policy')
export class OrganizationSlaPolicyEntity extends OrganizationScopedEntity {
  @Column('jsonb')
  policy: SlaPolicy;
}
