import { ApiProperty } from '@nestjs/swagger';
import type { TicketCommentOutcome } from '../commands/create-ticket-comment.handler';
import { QUICK_ACTION_COMMANDS, type QuickActionCommand } from '../quick-actions';
import { QUICK_ACTION_RESULTS, type QuickActionResultKind } from '../quick-action-results';
import { TicketCommentResponse } from './ticket-comment.response';
import { TicketContactResponse } from './ticket.response';

/** One reference of a comment's quick actions (`/add_contacts [contact:a@b.com]`) and what became of it. */
export class QuickActionResultResponse {
  @ApiProperty({ enum: QUICK_ACTION_COMMANDS })
  command: QuickActionCommand;
  /** The e-mail (lower case) or contact id the command named. */
  reference: string;
  @ApiProperty({
    enum: QUICK_ACTION_RESULTS,
    description:
      'LINKED, ALREADY_LINKED, INACTIVE (not linked), REMOVED, NOT_LINKED (nothing to remove), UNKNOWN (no contact ' +
      'of the organization has that e-mail). A contact both added and removed is removed.',
  })
  result: QuickActionResultKind;
  @ApiProperty({ nullable: true, type: TicketContactResponse })
  contact: TicketContactResponse | null;
}

/** A new comment, and what its quick actions did. */
export class TicketCommentCreatedResponse {
  @ApiProperty({
    nullable: true,
    type: TicketCommentResponse,
    description: 'The comment without its command lines; null when the body was only quick actions (nothing stored).',
  })
  comment: TicketCommentResponse | null;
  /** One entry per contact reference of `/add_contacts` and `/remove_contacts` lines; empty when there were none. */
  quickActions: QuickActionResultResponse[];

  static from(outcome: TicketCommentOutcome): TicketCommentCreatedResponse {
    return {
      comment: outcome.comment === null ? null : TicketCommentResponse.from(outcome.comment),
      quickActions: outcome.quickActions.map(({ command, reference, result, contact }) => ({
        command,
        reference,
        result,
        contact: contact === null ? null : TicketContactResponse.from(contact),
      })),
    };
  }
}
