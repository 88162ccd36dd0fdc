import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { GetOrganizationQuery } from './get-organization.query';

@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery, OrganizationEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ organizationId }: GetOrganizationQuery): Promise<OrganizationEntity> {
    return this.reader.repository(OrganizationEntity).findOneOrFail(organizationId);
  }
}
