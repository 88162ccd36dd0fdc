import { IsUUID } from 'class-validator';

/** A user assigned to a contact, as Gauzy sends them: `members: [{ "id": "…" }]`. */
export class MemberRefDto {
  @IsUUID()
  id: string;
}
