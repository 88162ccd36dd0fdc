import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { ContactKind } from '../../contact-kind';

/** A company the organization supports or sells to. Its tags are links (`CUSTOMER_TAGS`). */
@Entity('customer')
export class CustomerEntity extends OrganizationScopedEntity {
  @Column('text')
  name: string;

  @Column('text', { default: 'CUSTOMER' })
  kind: ContactKind;

  @Column('text', { nullable: true })
  primaryDomain: string | null;

  @Column('text', { nullable: true })
  logoUrl: string | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('uuid', { nullable: true })
  ownerId: string | null;
}
