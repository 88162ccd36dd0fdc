import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { CONTACT_RELATIONS, type ContactRelation } from '../contact-relations';
import { queryList } from './query-list.transform';

/** `GET organization-contact/:id?relations[]=tags`. */
export class OrganizationContactGetParams {
  @ApiPropertyOptional({ enum: CONTACT_RELATIONS, isArray: true })
  @IsOptional()
  @Transform(queryList)
  @IsArray()
  @IsIn(CONTACT_RELATIONS, { each: true })
  relations?: ContactRelation[];

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
