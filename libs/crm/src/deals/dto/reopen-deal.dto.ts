import { IsOptional, IsUUID } from 'class-validator';

export class ReopenDealDto {
  /** The OPEN stage it reopens in; default: the last OPEN stage of its pipeline. */
  @IsOptional()
  @IsUUID()
  stageId?: string;
}
