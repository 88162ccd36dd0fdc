import type { AddMemberDto } from '../dto/add-member.dto';

export class AddMemberCommand {
  constructor(
    readonly organizationId: string,
    readonly input: AddMemberDto,
  ) {}
}
