import type { UserEntity } from '@clientele/core';

/** A user assigned to a contact (Gauzy's `members`). */
export class ContactMemberResponse {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;

  static from(user: UserEntity): ContactMemberResponse {
    return Object.assign(new ContactMemberResponse(), {
      id: user.id,
      name: user.name,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
    });
  }
}
