import { ApiPropertyOptional } from '@nestjs/swagger';
import type { MemberSummary } from '../contact-relations';

/** The user behind a member, as Gauzy's `members.user` shows it. */
export class ContactMemberUserResponse {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** A user assigned to a contact (Gauzy's `members`). */
export class ContactMemberResponse extends ContactMemberUserResponse {
  @ApiPropertyOptional({ description: 'With `relations[]=members.user`: the same as `id` (members are users here).' })
  userId?: string;

  @ApiPropertyOptional({ type: ContactMemberUserResponse, description: 'With `relations[]=members.user`.' })
  user?: ContactMemberUserResponse;

  static from(user: MemberSummary, withUser = false): ContactMemberResponse {
    const summary: ContactMemberUserResponse = {
      id: user.id,
      name: user.name,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
    };
    return withUser ? { ...summary, userId: user.id, user: { ...summary } } : summary;
  }
}
