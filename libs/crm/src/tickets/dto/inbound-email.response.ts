import { ApiProperty } from '@nestjs/swagger';
import { INBOUND_SKIP_REASONS, type InboundEmailOutcome, type InboundSkipReason } from '../inbound-email-outcome';
import { TicketContactResponse, TicketResponse } from './ticket.response';

export class InboundSkippedAddressResponse {
  email: string;
  @ApiProperty({ enum: INBOUND_SKIP_REASONS })
  reason: InboundSkipReason;
}

/** The ticket an inbound e-mail opened, the contacts it linked and the addresses it skipped. */
export class InboundEmailResponse {
  ticket: TicketResponse;
  /** The same `messageId` had opened this ticket already: nothing changed (`linked` and `skipped` empty). */
  duplicate: boolean;
  linked: TicketContactResponse[];
  skipped: InboundSkippedAddressResponse[];

  static from(ticket: TicketResponse, outcome: InboundEmailOutcome): InboundEmailResponse {
    return {
      ticket,
      duplicate: outcome.duplicate,
      linked: outcome.linked.map((contact) => TicketContactResponse.from(contact)),
      skipped: outcome.skipped.map(({ email, reason }) => ({ email, reason })),
    };
  }
}
