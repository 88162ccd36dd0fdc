import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { ProjectStatus } from '../project-status';

/** A piece of work for the organization, optionally for one customer; its contacts are links (`PROJECT_CONTACTS`). */
@Entity('project')
export class ProjectEntity extends OrganizationScopedEntity {
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('text', { default: 'PLANNED' })
  status: ProjectStatus;

  @Column('uuid', { nullable: true })
  customerId: string | null;
}
