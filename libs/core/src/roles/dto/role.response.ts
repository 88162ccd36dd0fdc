import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../../permissions/permission.enum';
import type { RoleEntity } from '../../tenancy/entities/role.entity';

export class RoleResponse {
  id: string;
  name: string;
  description: string | null;
  @ApiProperty({ enum: Permission, isArray: true })
  grants: Permission[];
  /** Built-in roles (GUEST, VIEWER, AGENT, MANAGER, ADMIN) cannot be changed or deleted. */
  builtIn: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;

  static from(role: RoleEntity): RoleResponse {
    return Object.assign(new RoleResponse(), {
      id: role.id,
      name: role.name,
      description: role.description,
      grants: [...role.grants].sort(),
      builtIn: role.builtIn,
      createdAt: role.createdAt,
      updatedAt: role.updatedAt,
      version: role.version,
    });
  }
}
