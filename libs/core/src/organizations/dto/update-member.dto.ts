import { PickType } from '@nestjs/swagger';
import { AddMemberDto } from './add-member.dto';

/** A member's new role, by `role` name or `roleId`, validated as when adding a member. */
export class UpdateMemberDto extends PickType(AddMemberDto, ['role', 'roleId'] as const) {}
