import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import { NotFoundError } from '../../errors/domain-error';
import { MembershipEntity } from '../../tenancy/entities/membership.entity';
import { OrganizationEntity } from '../../tenancy/entities/organization.entity';
import { TenantEntity } from '../../tenancy/entities/tenant.entity';
import { UserEntity } from '../../tenancy/entities/user.entity';
import type { MeResponse } from '../dto/me.response';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery, MeResponse> {
  constructor(private readonly reader: ScopedReader) {}

  async execute(): Promise<MeResponse> {
    const users = this.reader.repository(UserEntity);
    const { actor } = users.scope;
    const user = await users.query('user').andWhere('user.id = :id', { id: actor.id }).getOne();
    const tenant = await this.reader.unscopedManager().findOneBy(TenantEntity, { id: actor.tenantId });
    if (user === null || tenant === null) throw new NotFoundError('USER', actor.id);
    const memberships = await this.reader
      .repository(MembershipEntity)
      .query('membership', 'visible')
      .innerJoinAndSelect('membership.role', 'role')
      .innerJoinAndMapOne('membership.organization', OrganizationEntity, 'org', 'org.id = membership.organizationId')
      .andWhere('membership.userId = :userId', { userId: actor.id })
      .orderBy('org.name')
      .getMany();
    return {
      user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, name: user.name },
      tenant: { id: tenant.id, name: tenant.name },
      memberships: memberships.map((membership) => {
        const organization = (membership as MembershipEntity & { organization: OrganizationEntity }).organization;
        const role = membership.role;
        return {
          organizationId: membership.organizationId,
          organizationName: organization.name,
          roleId: membership.roleId,
          role: role?.name ?? '',
          grants: actor.grantsIn(membership.organizationId).toArray(),
        };
      }),
    };
  }
}
