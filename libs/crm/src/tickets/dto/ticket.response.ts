import { ApiProperty } from '@nestjs/swagger';
import { TagSummaryResponse } from '../../tags';
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '../ticket-status';
import { breachedTargets, SLA_TARGETS, type SlaTargetName } from '../ticket-sla';
import type { TicketContactSummary, TicketView } from '../ticket-view';

/** A contact linked to a ticket. */
export class TicketContactResponse {
  id: string;
  name: string;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  static from(contact: TicketContactSummary): TicketContactResponse {
    return { id: contact.id, name: contact.name, email: contact.email };
  }
}

export class TicketResponse {
  id: string;
  organizationId: string;
  title: string;
  @ApiProperty({ nullable: true, type: String })
  description: string | null;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty({ enum: TICKET_PRIORITIES })
  priority: TicketPriority;
  @ApiProperty({ nullable: true, type: String })
  customerId: string | null;
  @ApiProperty({ nullable: true, type: String })
  assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  closedAt: string | null;
  /** When the first response falls due, under the SLA policy that applied when the ticket was opened (null: none). */
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  firstResponseDueAt: string | null;
  /** When resolution (RESOLVED or CLOSED) falls due under that policy (null: none). */
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  resolutionDueAt: string | null;
  /** The first live comment by a user (e-mails and API keys do not answer). */
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  firstRespondedAt: string | null;
  /** Whether a target was met late, or is unmet past its due time, now. */
  slaBreached: boolean;
  /** Which targets are breached. */
  @ApiProperty({ enum: SLA_TARGETS, isArray: true })
  slaBreachedTargets: SlaTargetName[];
  /** Live linked contacts, by name. */
  contacts: TicketContactResponse[];
  tags: TagSummaryResponse[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
  version: number;

  static from({ ticket, tags, contacts, firstRespondedAt }: TicketView, now = new Date()): TicketResponse {
    const breached = breachedTargets({ ...ticket, firstRespondedAt }, now);
    return {
      id: ticket.id,
      organizationId: ticket.organizationId,
      title: ticket.title,
      description: ticket.description,
      status: ticket.status,
      priority: ticket.priority,
      customerId: ticket.customerId,
      assigneeId: ticket.assigneeId,
      resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
      closedAt: ticket.closedAt?.toISOString() ?? null,
      firstResponseDueAt: ticket.firstResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: ticket.resolutionDueAt?.toISOString() ?? null,
      firstRespondedAt: firstRespondedAt?.toISOString() ?? null,
      slaBreached: breached.length > 0,
      slaBreachedTargets: breached,
      contacts: contacts.map((contact) => TicketContactResponse.from(contact)),
      tags: TagSummaryResponse.list(tags),
      createdAt: ticket.createdAt.toISOString(),
      updatedAt: ticket.updatedAt.toISOString(),
      version: ticket.version,
    };
  }
}
