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
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(role: RoleEntity): RoleResponse {
    return {
      id: role.id,
      name: role.name,
      description: role.description,
      grants: [...role.grants].sort(),
      builtIn: role.builtIn,
      createdAt: role.createdAt.toISOString(),
      updatedAt: role.updatedAt.toISOString(),
      version: role.version,
    };
  }
}
