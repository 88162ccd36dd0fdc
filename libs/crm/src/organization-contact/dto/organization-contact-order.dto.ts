import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

const DIRECTIONS = ['ASC', 'DESC'] as const;
export type OrderDirection = (typeof DIRECTIONS)[number];

/** The fields `order[…]` may name: the contact list's sortable fields. */
export const ORDER_FIELDS = ['name', 'createdAt', 'updatedAt'] as const;

function upper({ value }: { value: unknown }): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}

/** Gauzy's `order[field]=ASC|DESC`, on one field. */
export class OrganizationContactOrderDto {
  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @Transform(upper)
  @IsIn(DIRECTIONS)
  name?: OrderDirection;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @Transform(upper)
  @IsIn(DIRECTIONS)
  createdAt?: OrderDirection;

  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @Transform(upper)
  @IsIn(DIRECTIONS)
  updatedAt?: OrderDirection;
}
