import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class MoveDealToStageDto {
  /** A stage of the organization; its WON or LOST stage closes the deal. */
  @IsUUID()
  stageId: string;

  /** Why the deal was lost: only with a LOST stage; required there when the organization asks for it. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  lostReason?: string;
}
