import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { RoleEntity } from '../../tenancy/entities/role.entity';
import { tenantRoles } from '../tenant-roles';
import { ListRolesQuery } from './list-roles.query';

/** The built-in roles and the tenant's own, by name. */
@QueryHandler(ListRolesQuery)
export class ListRolesHandler implements IQueryHandler<ListRolesQuery, Page<RoleEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListRolesQuery): Promise<Page<RoleEntity>> {
    const manager = this.reader.unscopedManager();
    const scope = this.reader.scope();
    const qb = tenantRoles(manager, scope.tenantId);
    if (params.builtIn !== undefined) qb.andWhere('role.builtIn = :builtIn', { builtIn: params.builtIn });
    return paginate(qb, params, { name: 'name', createdAt: 'createdAt' }, 'name');
  }
}
