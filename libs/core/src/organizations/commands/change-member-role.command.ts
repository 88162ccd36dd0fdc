import type { UpdateMemberDto } from '../dto/update-member.dto';

export class ChangeMemberRoleCommand {
  constructor(
    readonly organizationId: string,
    readonly userId: string,
    readonly input: UpdateMemberDto,
  ) {}
}
