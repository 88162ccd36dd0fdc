import { ApiProperty } from '@nestjs/swagger';
import type { NoteEntity } from '../entities/note.entity';

export class NoteResponse {
  id: string;
  organizationId: string;
  /** Markdown. */
  body: string;
  @ApiProperty({ nullable: true, type: String })
  authorId: string | null;
  @ApiProperty({ nullable: true, type: String })
  contactId: string | null;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  dealId: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from(note: NoteEntity): NoteResponse {
    return {
      id: note.id,
      organizationId: note.organizationId,
      body: note.body,
      authorId: note.authorId,
      contactId: note.contactId,
      customerId: note.customerId,
      dealId: note.dealId,
      createdAt: note.createdAt.toISOString(),
      updatedAt: note.updatedAt.toISOString(),
      version: note.version,
    };
  }
}
