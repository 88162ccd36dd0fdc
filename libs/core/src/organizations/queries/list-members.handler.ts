import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { ListMembersQuery } from './list-members.query';

@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, Page<MembershipEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  async execute({ organizationId, params }: ListMembersQuery): Promise<Page<MembershipEntity>> {
    await this.reader.repository(OrganizationEntity).findOneOrFail(organizationId);
    const qb = this.reader
      .repository(MembershipEntity)
      .query('membership', 'visible')
      .innerJoinAndSelect('membership.user', 'user')
      .innerJoinAndSelect('membership.role', 'role')
      .andWhere('membership.organizationId = :organizationId', { organizationId });
    return paginate(qb, params, { createdAt: 'createdAt' }, 'createdAt');
  }
}
