import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import { RoleEntity } from '../../tenancy/entities/role.entity';
import { findRole } from '../find-role';
import { GetRoleQuery } from './get-role.query';

@QueryHandler(GetRoleQuery)
export class GetRoleHandler implements IQueryHandler<GetRoleQuery, RoleEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ roleId }: GetRoleQuery): Promise<RoleEntity> {
    const manager = this.reader.unscopedManager();
    const scope = this.reader.scope();
    return findRole(manager, scope.tenantId, roleId);
  }
}
