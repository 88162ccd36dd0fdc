import { Column, Entity } from 'typeorm';
import { OrganizationScopedEntity, ValidationError } from '@clientele/core';

/** 64 KB of UTF-8 Markdown. */
export const NOTE_MAX_BYTES = 65_536;

/**
 * A Markdown note on exactly one contact, customer or deal (tickets later add a column of
 * their own). Its author edits and deletes it with `ORG_ACTIVITY_EDIT_OWN`; anyone else needs
 * `ORG_ACTIVITY_EDIT` (or `ALL_ORG_EDIT`).
 */
@Entity('note')
export class NoteEntity extends OrganizationScopedEntity {
  @Column('text')
  body: string;

  /** Who wrote it (null for an API key): the one who may change it with the own-grant. */
  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column('uuid', { nullable: true })
  contactId: string | null;

  @Column('uuid', { nullable: true })
  customerId: string | null;

  @Column('uuid', { nullable: true })
  dealId: string | null;

  /** The text, trimmed at the end; empty or over 64 KB of UTF-8 is a 400 on `body`. */
  write(body: string): void {
    const text = body.trimEnd();
    if (text.trim() === '') throw ValidationError.field('body', 'body must not be empty');
    if (Buffer.byteLength(text, 'utf8') > NOTE_MAX_BYTES) {
      throw ValidationError.field('body', `body must be at most ${NOTE_MAX_BYTES} bytes of UTF-8`);
    }
    this.body = text;
  }
}
