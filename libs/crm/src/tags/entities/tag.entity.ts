import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';

/** A label with a color, per organization, attachable to contacts and customers (later deals, tickets). */
@Entity('tag')
export class TagEntity extends OrganizationScopedEntity {
  @Column('text')
  name: string;

  @Column('text', { default: '#6B7280' })
  color: string;

  @Column('text', { nullable: true })
  description: string | null;
}
