import type { CreateRoleDto } from '../dto/create-role.dto';

export class CreateRoleCommand {
  constructor(readonly input: CreateRoleDto) {}
}
