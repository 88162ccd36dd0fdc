import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { escapeLike } from '../../database/escape-like';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { ListOrganizationsQuery } from './list-organizations.query';

/** The organizations the actor belongs to. */
@QueryHandler(ListOrganizationsQuery)
export class ListOrganizationsHandler implements IQueryHandler<ListOrganizationsQuery, Page<OrganizationEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListOrganizationsQuery): Promise<Page<OrganizationEntity>> {
    const qb = this.reader.repository(OrganizationEntity).query('organization');
    if (params.q !== undefined) qb.andWhere('organization.name ILIKE :q', { q: `%${escapeLike(params.q)}%` });
    return paginate(qb, params, { name: 'name', createdAt: 'createdAt' }, 'name');
  }
}
