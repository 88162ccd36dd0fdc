import type { TagSummary } from '../tags';
import type { TicketEntity } from './entities/ticket.entity';

/** A linked contact as a ticket shows it. */
export interface TicketContactSummary {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
}

/** A ticket with its tags and linked contacts. */
export interface TicketView {
  readonly ticket: TicketEntity;
  readonly tags: readonly TagSummary[];
  readonly contacts: readonly TicketContactSummary[];
  /** Its first live comment by a user: what meets the SLA's first-response target. */
  readonly firstRespondedAt: Date | null;
}
