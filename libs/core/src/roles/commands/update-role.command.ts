import type { UpdateRoleDto } from '../dto/update-role.dto';

export class UpdateRoleCommand {
  constructor(
    readonly roleId: string,
    readonly input: UpdateRoleDto,
  ) {}
}
