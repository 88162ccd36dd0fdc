import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { DECIMAL_COLUMN, OrganizationScopedEntity, ValidationError } from '@clientele/core';
// Other modules' entities as types only, named by string in the relations: no import cycle.
import type { PipelineStageEntity } from '../../pipelines';
import type { TagEntity } from '../../tags';
import { DealAlreadyClosedError } from '../deal-already-closed.error';
import type { DealStage, DealStageChange } from '../deal-stage';
import { DEAL_STATUS, type DealStatus } from '../deal-status';

const DAY_MS = 86_400_000;

/** How a move to a stage is asked for. */
export interface DealMoveOptions {
  readonly lostReason?: string | null;
  /** The organization's `requireLostReason` setting. */
  readonly lostReasonRequired: boolean;
  readonly now: Date;
}

/**
 * A deal: a possible sale in a stage of a pipeline. Its status follows the kind of the stage it
 * is in — entering the WON or LOST stage closes it (`closedAt`), and a closed deal moves again
 * only through `reopen`. `probability` is the deal's own estimate, null to use its stage's.
 * The rules are here, unit-tested without a database (`deal.entity.spec.ts`).
 */
@Entity('deal')
export class DealEntity extends OrganizationScopedEntity {
  @Column('text')
  title: string;

  /** Decimal text (`numeric(19,4)`), at most the currency's minor units: never a JS number. */
  @Column('numeric', { precision: 19, scale: 4, transformer: DECIMAL_COLUMN })
  value: string;

  /** ISO 4217. */
  @Column('char', { length: 3 })
  currency: string;

  /** `YYYY-MM-DD`. */
  @Column('date', { nullable: true })
  expectedCloseDate: string | null;

  @Column('uuid')
  pipelineId: string;

  @Column('uuid')
  stageId: string;

  @ManyToOne('PipelineStageEntity')
  @JoinColumn({ name: 'stage_id' })
  stage?: PipelineStageEntity;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  /** 0–100, the deal's own; null: its stage's. */
  @Column('smallint', { nullable: true })
  probability: number | null;

  @Column('text', { default: 'OPEN' })
  status: DealStatus;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column('text', { nullable: true })
  lostReason: string | null;

  /** When the deal entered its stage: what rotting is measured from. */
  @Column({ type: 'timestamptz', precision: 3 })
  stageChangedAt: Date;

  /** When a command loaded or set them: the links are `DEAL_TAGS` rows, not a TypeORM relation. */
  tags?: TagEntity[];

  /** Where a new deal starts: an OPEN stage (a deal is never created closed). */
  placeIn(stage: DealStage, now: Date): void {
    if (stage.kind !== 'OPEN')
      throw ValidationError.field('stageId', 'a new deal starts in an OPEN stage', 'STAGE_NOT_OPEN');
    this.pipelineId = stage.pipelineId;
    this.stageId = stage.id;
    this.status = 'OPEN';
    this.closedAt = null;
    this.lostReason = null;
    this.stageChangedAt = now;
  }

  /**
   * Moves the open deal to `stage`: entering the WON or LOST stage closes it (and drops its own
   * probability: a closed deal is its stage's 100 or 0); a LOST move carries a reason, required
   * when the organization says so. A closed deal is a 409 (`DealAlreadyClosedError`): reopen it
   * first. Null when the deal is already there.
   */
  moveTo(stage: DealStage, { lostReason, lostReasonRequired, now }: DealMoveOptions): DealStageChange | null {
    if (this.status !== 'OPEN') throw new DealAlreadyClosedError(this.id, this.status);
    const reason = lostReason?.trim() || null;
    if (stage.kind !== 'LOST' && reason !== null) {
      throw ValidationError.field(
        'lostReason',
        'lostReason goes only with a move to a LOST stage',
        'LOST_REASON_NOT_ALLOWED',
      );
    }
    if (stage.id === this.stageId) return null;
    if (stage.kind === 'LOST' && reason === null && lostReasonRequired) {
      throw ValidationError.field(
        'lostReason',
        'the organization asks for a lostReason when a deal is lost',
        'LOST_REASON_REQUIRED',
      );
    }
    if (stage.kind !== 'OPEN') DEAL_STATUS.assertTransition(this.status, stage.kind);
    const from = { stageId: this.stageId, pipelineId: this.pipelineId, status: this.status };
    this.pipelineId = stage.pipelineId;
    this.stageId = stage.id;
    this.stageChangedAt = now;
    if (stage.kind !== 'OPEN') {
      this.status = stage.kind;
      this.closedAt = now;
      this.probability = null;
      this.lostReason = stage.kind === 'LOST' ? reason : null;
    }
    return this.change(from);
  }

  /**
   * A WON or LOST deal opens again, in `stage` (an OPEN one): no longer closed, no lost reason.
   * An open deal is a 409 (`INVALID_TRANSITION`: OPEN cannot move to OPEN).
   */
  reopen(stage: DealStage, now: Date): DealStageChange {
    DEAL_STATUS.assertTransition(this.status, 'OPEN');
    if (stage.kind !== 'OPEN')
      throw ValidationError.field('stageId', 'a deal reopens into an OPEN stage', 'STAGE_NOT_OPEN');
    const from = { stageId: this.stageId, pipelineId: this.pipelineId, status: this.status };
    this.pipelineId = stage.pipelineId;
    this.stageId = stage.id;
    this.stageChangedAt = now;
    this.status = 'OPEN';
    this.closedAt = null;
    this.lostReason = null;
    return this.change(from);
  }

  /**
   * Another stage of the same kind takes the deal (its stage is being deleted): the status stays,
   * the time in stage starts again.
   */
  relocateTo(stage: DealStage, now: Date): DealStageChange {
    if (stage.kind !== this.status) {
      throw new Error(`a ${this.status} deal cannot be relocated to a ${stage.kind} stage`);
    }
    const from = { stageId: this.stageId, pipelineId: this.pipelineId, status: this.status };
    this.pipelineId = stage.pipelineId;
    this.stageId = stage.id;
    this.stageChangedAt = now;
    return this.change(from);
  }

  /** The deal's own probability, else its stage's. */
  effectiveProbability(stage: Pick<DealStage, 'probability'>): number {
    return this.probability ?? stage.probability;
  }

  /** An open deal that has sat in its stage longer than the stage's `rottenAfterDays`. */
  isRotting(stage: Pick<DealStage, 'rottenAfterDays'>, now: Date): boolean {
    if (this.status !== 'OPEN' || stage.rottenAfterDays === null) return false;
    return now.getTime() - this.stageChangedAt.getTime() > stage.rottenAfterDays * DAY_MS;
  }

  private change(from: { stageId: string; pipelineId: string; status: DealStatus }): DealStageChange {
    return {
      fromStageId: from.stageId,
      toStageId: this.stageId,
      fromPipelineId: from.pipelineId,
      toPipelineId: this.pipelineId,
      fromStatus: from.status,
      toStatus: this.status,
    };
  }
}
