import { ApiProperty } from '@nestjs/swagger';
import { CONTRACT_STATES, type ContractState } from '../contract-state';
import type { ContractEntity } from '../entities/contract.entity';
import { SlaPolicyResponse } from './sla-policy.response';

export class ContractResponse {
  id: string;
  organizationId: string;
  customerId: string;
  name: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-01-01' })
  startDate: string;
  @ApiProperty({ type: String, format: 'date', example: '2026-12-31' })
  endDate: string;
  /** Derived from the dates, today (UTC): PENDING, ACTIVE, EXPIRING (ends within 30 days) or EXPIRED. */
  @ApiProperty({ enum: CONTRACT_STATES })
  status: ContractState;
  /** Overrides the organization's default policy; `null`: the default applies. */
  @ApiProperty({ type: SlaPolicyResponse, nullable: true })
  slaPolicy: SlaPolicyResponse | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(contract: ContractEntity, now = new Date()): ContractResponse {
    return {
      id: contract.id,
      organizationId: contract.organizationId,
      customerId: contract.customerId,
      name: contract.name,
      startDate: contract.startDate,
      endDate: contract.endDate,
      status: contract.state(now),
      slaPolicy: contract.slaPolicy === null ? null : SlaPolicyResponse.from(contract.slaPolicy),
      createdAt: contract.createdAt.toISOString(),
      updatedAt: contract.updatedAt.toISOString(),
      version: contract.version,
    };
  }
}
