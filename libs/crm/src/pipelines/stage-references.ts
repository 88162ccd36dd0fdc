import { Injectable } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import type { PipelineStageEntity } from './entities/pipeline-stage.entity';

/** Records of a stage about to go, and the stage each goes to instead. */
export interface StageMove {
  readonly from: PipelineStageEntity;
  readonly to: PipelineStageEntity;
}

/** A module whose rows sit in stages (deals): it counts them and moves them, in the deleting transaction. */
export interface StageReference {
  readonly name: string;
  /** How many live rows sit in these stages. */
  count(tx: Transaction, stageIds: readonly string[]): Promise<number>;
  /** Moves the rows of each `from` stage to its `to` stage (recording their changes). */
  move(tx: Transaction, moves: readonly StageMove[]): Promise<void>;
}

/**
 * The extension point of stage and pipeline deletion: the deals module registers how to count
 * and move its deals, so deleting a stage that holds deals is refused unless the call says
 * where they go — and the pipelines module never touches the deal table.
 */
@Injectable()
export class StageReferences {
  private readonly references = new Map<string, StageReference>();

  register(reference: StageReference): void {
    if (this.references.has(reference.name)) throw new Error(`stage reference ${reference.name} is registered twice`);
    this.references.set(reference.name, reference);
  }

  async count(tx: Transaction, stageIds: readonly string[]): Promise<number> {
    let total = 0;
    for (const reference of this.references.values()) total += await reference.count(tx, stageIds);
    return total;
  }

  async move(tx: Transaction, moves: readonly StageMove[]): Promise<void> {
    for (const reference of this.references.values()) await reference.move(tx, moves);
  }
}
