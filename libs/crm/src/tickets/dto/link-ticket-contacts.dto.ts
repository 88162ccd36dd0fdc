import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { OptionalNonNull } from '@clientele/core';
import { MAX_CONTACTS_PER_CALL } from '../ticket-contacts';

/** A contact id, or an e-mail address (matched case-insensitively). */
const CONTACT_REF = /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[^\s@]+@[^\s@]+)$/;

function ContactRefsField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'array',
      items: { type: 'string', pattern: CONTACT_REF.source, maxLength: 254 },
      maxItems: MAX_CONTACTS_PER_CALL,
      example: ['ada@example.com', '6f1c2d3e-0000-4000-8000-000000000001'],
    }),
    OptionalNonNull(),
    IsArray(),
    ArrayMaxSize(MAX_CONTACTS_PER_CALL, {
      message: `You can only add up to ${MAX_CONTACTS_PER_CALL} contacts at one time`,
    }),
    IsString({ each: true }),
    MaxLength(254, { each: true }),
    Matches(CONTACT_REF, { each: true, message: 'each entry must be a contact id or an e-mail address' }),
  );
}

/**
 * GitLab's `/add_contacts` and `/remove_contacts`, or `replace` (not with add/remove; `[]`
 * clears). Each entry is a contact id or an e-mail, at most 6 per list.
 */
export class LinkTicketContactsDto {
  /** Contacts to link (active contacts of the ticket's organization). */
  @ContactRefsField()
  add?: string[];

  /** Contacts to unlink. */
  @ContactRefsField()
  remove?: string[];

  /** The ticket's contacts become exactly these; `[]` unlinks every contact. */
  @ContactRefsField()
  replace?: string[];
}
