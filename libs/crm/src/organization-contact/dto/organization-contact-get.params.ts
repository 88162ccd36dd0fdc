import { IsOptional, IsUUID } from 'class-validator';
import type { GauzyContactRelation } from '../gauzy-relations';
import { GauzyJoinField, GauzyRelationsField, type OrganizationContactJoinDto } from './gauzy-relation-fields';

/** `GET organization-contact/:id?relations[]=tags` (or Gauzy's `join[…]`). */
export class OrganizationContactGetParams {
  @GauzyRelationsField()
  relations?: GauzyContactRelation[];

  @GauzyJoinField()
  join?: OrganizationContactJoinDto;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
