import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';

/** A sales pipeline of the organization: a name and its ordered stages (`PipelineStageEntity`). */
@Entity('pipeline')
export class PipelineEntity extends OrganizationScopedEntity {
  @Column('text')
  name: string;
}
