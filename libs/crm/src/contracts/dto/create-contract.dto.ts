import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsDateOnly } from '@clientele/core';
import { OrganizationIdField } from '../../record-fields.decorator';
import { SlaPolicyDto } from './sla-policy.dto';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** A support contract of one customer of the organization. */
export class CreateContractDto {
  @ApiProperty({ example: 'Premium support 2026', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** A customer of the organization (another organization's is a 404 naming this field). */
  @ApiProperty({ type: String, format: 'uuid' })
  @IsUUID()
  customerId: string;

  @ApiProperty({ example: '2026-01-01', type: String, format: 'date' })
  @IsDateOnly()
  startDate: string;

  /** The last day in force; not before `startDate` (else 400 `INVALID_RANGE`). */
  @ApiProperty({ example: '2026-12-31', type: String, format: 'date' })
  @IsDateOnly()
  endDate: string;

  /** Overrides the organization's default policy for the customer's tickets; `null`: none. */
  @ApiPropertyOptional({ type: SlaPolicyDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SlaPolicyDto)
  slaPolicy?: SlaPolicyDto | null;

  /** The organization the contract belongs to; defaults to your only one (or `X-Organization-Id`). */
  @OrganizationIdField()
  organizationId?: string;
}
