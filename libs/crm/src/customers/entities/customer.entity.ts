import { Column, Entity, JoinTable, ManyToMany } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { ContactKind } from '../../contact-kind';
// The tags module's entity as a type only, named by string in the relation: no import cycle.
import type { TagEntity } from '../../tags';

/** A company the organization supports or sells to. */
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

  @ManyToMany('TagEntity')
  @JoinTable({
    name: 'customer_tag',
    joinColumn: { name: 'customer_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'tag_id', referencedColumnName: 'id' },
  })
  tags?: TagEntity[];
}
