import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GauzyPageParams, PageParams, ValidationError } from '@clientele/core';
import type { ContactFilter } from '../contact-filter';
import type { GauzyContactRelation } from '../gauzy-relations';
import { GauzyJoinField, GauzyRelationsField, type OrganizationContactJoinDto } from './gauzy-relation-fields';
import { ORDER_FIELDS, OrganizationContactOrderDto } from './organization-contact-order.dto';
import { OrganizationContactWhereDto } from './organization-contact-where.dto';

/**
 * Gauzy's query style — `take`, `skip`, `where[…]`, `relations[]`, `order[…]` — alongside ours
 * (`limit`, `offset`, `cursor`, `sort`, `q`). Sending both spellings of one thing is a 400.
 */
export class OrganizationContactListParams extends GauzyPageParams {
  @ApiPropertyOptional({ type: OrganizationContactWhereDto, description: 'e.g. `where[contactType]=LEAD`' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationContactWhereDto)
  where?: OrganizationContactWhereDto;

  @ApiPropertyOptional({ type: OrganizationContactOrderDto, description: 'e.g. `order[name]=ASC`' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationContactOrderDto)
  order?: OrganizationContactOrderDto;

  @GauzyRelationsField()
  relations?: GauzyContactRelation[];

  @GauzyJoinField()
  join?: OrganizationContactJoinDto;

  /** Name, e-mail, phone or company name contains (case-insensitive). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only this organization's contacts (also `where[organizationId]`). */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  toPage(): PageParams {
    return Object.assign(new PageParams(), {
      ...this.gauzyPage(),
      cursor: this.cursor,
      sort: this.sortFromOrder() ?? this.sort,
    });
  }

  toFilter(): ContactFilter {
    const where = this.where ?? new OrganizationContactWhereDto();
    return {
      q: this.q,
      organizationId: where.organizationId?.toLowerCase(),
      tenantId: where.tenantId?.toLowerCase(),
      name: where.name,
      primaryEmail: where.primaryEmail,
      primaryPhone: where.primaryPhone,
      contactType: where.contactType,
      budgetType: where.budgetType,
      status: where.status,
      ownerId: where.ownerId,
      customerId: where.customerId,
      isActive: where.isActive,
      tagIds: where.tags,
      memberIds: where.members,
    };
  }

  private sortFromOrder(): string | undefined {
    const order = this.order;
    if (order === undefined) return undefined;
    const fields = ORDER_FIELDS.filter((field) => order[field] !== undefined);
    const [field] = fields;
    if (field === undefined) return undefined;
    if (fields.length > 1) throw ValidationError.field('order', 'order by one field, e.g. order[name]=ASC');
    if (this.sort !== undefined) throw ValidationError.field('order', 'send either order or sort, not both');
    return `${order[field] === 'DESC' ? '-' : ''}${field}`;
  }
}

/** The most contacts Gauzy's find-all (`GET /api/organization-contact`) answers at once. */
export const FIND_ALL_CAP = 1000;

/**
 * Gauzy's find-all answers every record: here every record up to `FIND_ALL_CAP`, which is also
 * the largest `take`/`limit` it takes (the paged route keeps `MAX_PAGE_SIZE`).
 */
export class OrganizationContactFindAllParams extends OrganizationContactListParams {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: FIND_ALL_CAP,
    default: FIND_ALL_CAP,
    description: 'Gauzy spelling of `limit`.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FIND_ALL_CAP)
  declare take?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: FIND_ALL_CAP, default: FIND_ALL_CAP })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FIND_ALL_CAP)
  declare limit?: number;

  override toPage(): PageParams {
    const page = super.toPage();
    page.limit ??= FIND_ALL_CAP;
    return page;
  }
}
