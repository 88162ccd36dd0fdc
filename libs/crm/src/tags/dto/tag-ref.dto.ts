import { IsUUID } from 'class-validator';

/** A reference to an existing tag, as Gauzy sends them: `tags: [{ "id": "…" }]`. */
export class TagRefDto {
  @IsUUID()
  id: string;
}
