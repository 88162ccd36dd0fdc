import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageParams } from '@clientele/core';
import { CONTRACT_STATES, type ContractState } from '../contract-state';

export class ListContractsParams extends PageParams {
  @IsOptional()
  @IsUUID()
  customerId?: string;

  /** The derived state today (UTC). */
  @ApiPropertyOptional({ enum: CONTRACT_STATES })
  @IsOptional()
  @IsIn(CONTRACT_STATES)
  status?: ContractState;

  /** Name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only this organization's contracts (default: every organization you may view). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
