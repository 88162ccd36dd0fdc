import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GAUZY_CONTACT_RELATIONS, type GauzyContactRelation, GauzyRelations, joinRelations } from '../gauzy-relations';
import { queryList } from './query-list.transform';

const JOIN_MAP = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'alias → `parentAlias.relation`',
} as const;

/** Gauzy's `join[…]` (TypeORM `JoinOptions`); read as relations to include. */
export class OrganizationContactJoinDto {
  @ApiPropertyOptional({ example: 'organization_contact' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  alias?: string;

  @ApiPropertyOptional(JOIN_MAP)
  @IsOptional()
  @IsObject()
  leftJoin?: Record<string, unknown>;

  @ApiPropertyOptional(JOIN_MAP)
  @IsOptional()
  @IsObject()
  leftJoinAndSelect?: Record<string, unknown>;

  @ApiPropertyOptional(JOIN_MAP)
  @IsOptional()
  @IsObject()
  innerJoin?: Record<string, unknown>;

  @ApiPropertyOptional(JOIN_MAP)
  @IsOptional()
  @IsObject()
  innerJoinAndSelect?: Record<string, unknown>;
}

/** `relations[]=…` on a Gauzy read: ours and Gauzy's names (see `GAUZY_CONTACT_RELATIONS`). */
export function GauzyRelationsField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: GAUZY_CONTACT_RELATIONS,
      isArray: true,
      description:
        'Relations to include, e.g. `relations[]=tags&relations[]=members`. Gauzy names answer what exists here: ' +
        '`members.user` adds each member’s `user`, `contact` the person fields, `projects` (and `projects.members`) ' +
        'an empty list.',
    }),
    IsOptional(),
    Transform(queryList),
    IsArray(),
    IsIn(GAUZY_CONTACT_RELATIONS, { each: true }),
  );
}

/** `join[alias]=…&join[leftJoinAndSelect][members]=organization_contact.members`, as Gauzy sends it. */
export function GauzyJoinField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: OrganizationContactJoinDto,
      description:
        'Gauzy’s join, read as relations: e.g. `join[alias]=organization_contact&join[leftJoinAndSelect][members]=' +
        'organization_contact.members&join[leftJoinAndSelect][user]=members.user`. Inner joins filter nothing.',
    }),
    IsOptional(),
    ValidateNested(),
    Type(() => OrganizationContactJoinDto),
  );
}

/** The relations a Gauzy read asked for, by `relations[]` and `join[…]` together. */
export function requestedRelations(params: {
  readonly relations?: readonly GauzyContactRelation[];
  readonly join?: OrganizationContactJoinDto;
}): GauzyRelations {
  return GauzyRelations.of([...(params.relations ?? []), ...joinRelations(params.join)]);
}
