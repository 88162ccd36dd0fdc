import { Column, Entity } from 'typeorm';
import { TenantScopedEntity } from '../scoped.entity';

export const DEFAULT_CONTACT_STATUSES: readonly string[] = ['Prospect', 'Active', 'Churned'];

/** A business unit inside a tenant (Gauzy's organization, GitLab's root group). */
@Entity('organization')
export class OrganizationEntity extends TenantScopedEntity {
  @Column('text')
  name: string;

  /** GitLab: CRM is switched on per group; off → CRM routes answer 404 `CRM_DISABLED`. */
  @Column('boolean', { default: true })
  crmEnabled: boolean;

  @Column('text', { array: true, default: () => `'{Prospect,Active,Churned}'` })
  contactStatuses: string[];

  @Column('char', { length: 3, default: 'GBP' })
  defaultCurrency: string;

  @Column('text', { default: 'INV' })
  invoicePrefix: string;

  /** A deal moved to a LOST stage must say why (`lostReason`), else a 400. */
  @Column('boolean', { default: false })
  requireLostReason: boolean;
}
