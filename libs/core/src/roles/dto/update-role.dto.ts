import { PartialType } from '@nestjs/swagger';
import { CreateRoleDto } from './create-role.dto';

/** Fields left out keep their value; `grants` replaces the whole set; only `description` can be `null`. */
export class UpdateRoleDto extends PartialType(CreateRoleDto, { skipNullProperties: false }) {}
