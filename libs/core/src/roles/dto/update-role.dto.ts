import { PartialType } from '@nestjs/swagger';
import { CreateRoleDto } from './create-role.dto';

/** Fields left out keep their value; `grants` replaces the whole set. */
export class UpdateRoleDto extends PartialType(CreateRoleDto) {}
