import { IsOptional, IsUUID } from 'class-validator';

/** `DELETE` of a stage or pipeline that still has deals must say where they go. */
export class MoveToParams {
  /**
   * A live stage their deals go to. Deleting a stage: an OPEN stage. Deleting a pipeline: an
   * OPEN stage of another pipeline; the won and lost deals go to that pipeline's WON and LOST stages.
   */
  @IsOptional()
  @IsUUID()
  moveTo?: string;
}
