import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BUILT_IN_ROLE_IDS, BUILT_IN_ROLE_NAMES, BUILT_IN_ROLES } from '../permissions/built-in-roles';
import { RoleEntity } from './entities/role.entity';
import { unscopedRepository } from './unscoped-repository';

/** Keeps the built-in roles' grants in the database equal to the code's table at every boot. */
@Injectable()
export class BuiltInRolesSync implements OnApplicationBootstrap {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await unscopedRepository(this.dataSource.manager, RoleEntity).upsert(
      BUILT_IN_ROLE_NAMES.map((name) => ({
        id: BUILT_IN_ROLE_IDS[name],
        tenantId: null,
        name,
        description: `Built-in ${name.toLowerCase()} role`,
        grants: [...BUILT_IN_ROLES[name]],
        builtIn: true,
      })),
      ['id'],
    );
  }
}
