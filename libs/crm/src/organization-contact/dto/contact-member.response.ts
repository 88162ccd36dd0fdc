import type { MemberSummary } from '../contact-relations';

/** A user assigned to a contact (Gauzy's `members`). */
export class ContactMemberResponse {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;

  static from(user: MemberSummary): ContactMemberResponse {
    return {
      id: user.id,
      name: user.name,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
    };
  }
}
