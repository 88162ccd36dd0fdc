import { ApiProperty } from '@nestjs/swagger';
import { Permission } from '../../permissions/permission.enum';

export class MeUserResponse {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  name: string;
}

export class MeTenantResponse {
  id: string;
  name: string;
}

export class MeMembershipResponse {
  organizationId: string;
  organizationName: string;
  roleId: string;
  /** Role name, e.g. `ADMIN`. */
  role: string;
  @ApiProperty({ enum: Permission, isArray: true })
  grants: Permission[];
}

export class MeResponse {
  user: MeUserResponse;
  tenant: MeTenantResponse;
  memberships: MeMembershipResponse[];
}
