import { ApiProperty } from '@nestjs/swagger';
import type { TicketMoveOutcome } from '../commands/move-ticket.handler';
import { MOVE_DROP_REASONS, type MoveDropReason } from '../ticket-move-plan';
import { TicketContactResponse, TicketResponse } from './ticket.response';

/** A record of the moved ticket: its id and name. */
export class MovedRecordResponse {
  id: string;
  name: string;
}

/** A linked contact of the ticket, and the target organization's contact with its e-mail that replaced it. */
export class RepointedContactResponse {
  from: TicketContactResponse;
  to: TicketContactResponse;
}

export class DroppedContactResponse {
  contact: TicketContactResponse;
  @ApiProperty({
    enum: MOVE_DROP_REASONS,
    description:
      'NO_MATCH: no contact of the target has its e-mail (or it has none); INACTIVE_MATCH: only an inactive one.',
  })
  reason: MoveDropReason;
}

export class RepointedRecordResponse {
  from: MovedRecordResponse;
  to: MovedRecordResponse;
}

export class MovedContactsResponse {
  repointed: RepointedContactResponse[];
  dropped: DroppedContactResponse[];
}

export class MovedTagsResponse {
  /** Tags of the target with the same name (case-insensitive). */
  repointed: RepointedRecordResponse[];
  /** No tag of that name in the target: dropped (none is created). */
  dropped: MovedRecordResponse[];
}

export class MovedCustomerResponse {
  @ApiProperty({ nullable: true, type: MovedRecordResponse })
  from: MovedRecordResponse | null;
  @ApiProperty({
    nullable: true,
    type: MovedRecordResponse,
    description:
      'The target’s customer with the same name (case-insensitive); null when none: the ticket has no customer.',
  })
  to: MovedRecordResponse | null;
}

export class MovedAssigneeResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  from: string | null;
  /** The assignee stays when a member of the target whose role works tickets (EDIT or EDIT_OWN); else unassigned. */
  kept: boolean;
}

/** The ticket in its new organization, and what became of each of its links. */
export class TicketMoveResponse {
  ticket: TicketResponse;
  @ApiProperty({ format: 'uuid' })
  fromOrganizationId: string;
  contacts: MovedContactsResponse;
  tags: MovedTagsResponse;
  customer: MovedCustomerResponse;
  assignee: MovedAssigneeResponse;
  /** The target had a ticket opened by the same e-mail already: the moved one no longer answers that message id. */
  inboundMessageIdCleared: boolean;

  static from(ticket: TicketResponse, outcome: TicketMoveOutcome): TicketMoveResponse {
    const contact = (entity: { id: string; name: string; primaryEmail: string | null }): TicketContactResponse =>
      TicketContactResponse.from({ id: entity.id, name: entity.name, email: entity.primaryEmail });
    const named = (record: { id: string; name: string }): MovedRecordResponse => ({ id: record.id, name: record.name });
    const { plan } = outcome;
    return {
      ticket,
      fromOrganizationId: outcome.fromOrganizationId,
      contacts: {
        repointed: plan.contacts.repointed.map(({ from, to }) => ({ from: contact(from), to: contact(to) })),
        dropped: plan.contacts.dropped.map(({ record, reason }) => ({ contact: contact(record), reason })),
      },
      tags: {
        repointed: plan.tags.repointed.map(({ from, to }) => ({ from: named(from), to: named(to) })),
        dropped: plan.tags.dropped.map(({ record }) => named(record)),
      },
      customer: {
        from: plan.customer.from === null ? null : named(plan.customer.from),
        to: plan.customer.to === null ? null : named(plan.customer.to),
      },
      assignee: { from: outcome.assignee.from, kept: outcome.assignee.kept },
      inboundMessageIdCleared: outcome.inboundMessageIdCleared,
    };
  }
}
