import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity } from '@clientele/core';
import type { StageKind } from '../stage-kind';

/**
 * A stage of a pipeline: its place (`position`, 0 first), the probability a deal in it closes
 * won (0–100, the default of its deals), its kind, and after how many days without a move a
 * deal in it is rotting (none when null).
 */
@Entity('pipeline_stage')
export class PipelineStageEntity extends OrganizationScopedEntity {
  @Column('uuid')
  pipelineId: string;

  @Column('text')
  name: string;

  @Column('integer')
  position: number;

  @Column('smallint')
  probability: number;

  @Column('text')
  kind: StageKind;

  @Column('integer', { nullable: true })
  rottenAfterDays: number | null;
}
