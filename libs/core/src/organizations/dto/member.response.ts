import { ApiProperty } from '@nestjs/swagger';
import type { MembershipEntity } from '../../tenancy/entities/membership.entity';

export class MemberResponse {
  userId: string;
  organizationId: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
  roleId: string;
  /** Role name, e.g. `AGENT`. */
  role: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  static from(membership: MembershipEntity): MemberResponse {
    const user = membership.user;
    return {
      userId: membership.userId,
      organizationId: membership.organizationId,
      email: user?.email ?? '',
      firstName: user?.firstName ?? '',
      lastName: user?.lastName ?? '',
      name: user?.name ?? '',
      roleId: membership.roleId,
      role: membership.role?.name ?? '',
      createdAt: membership.createdAt.toISOString(),
    };
  }
}
