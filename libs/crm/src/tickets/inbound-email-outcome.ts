import type { TicketContactSummary } from './ticket-view';

/** Why an address of an inbound e-mail linked no contact. */
export const INBOUND_SKIP_REASONS = ['UNKNOWN', 'INACTIVE'] as const;
export type InboundSkipReason = (typeof INBOUND_SKIP_REASONS)[number];

/** What an inbound e-mail did: the ticket it opened, the contacts linked and the addresses skipped. */
export interface InboundEmailOutcome {
  readonly ticketId: string;
  /** The message had opened this ticket already: nothing was written this time. */
  readonly duplicate: boolean;
  readonly linked: readonly TicketContactSummary[];
  readonly skipped: ReadonlyArray<{ readonly email: string; readonly reason: InboundSkipReason }>;
}

/** The sender first, then the CCs, lower-cased, each once. */
export function inboundAddresses(from: string, cc: readonly string[] = []): string[] {
  return [...new Set([from, ...cc].map((address) => address.trim().toLowerCase()))];
}

/** The ticket title an e-mail subject makes: trimmed, at most 200 characters, never empty. */
export function inboundTitle(subject: string | undefined): string {
  const title = (subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 200).trim();
  return title === '' ? '(no subject)' : title;
}
