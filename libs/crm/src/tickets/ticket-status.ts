import { defineStateMachine } from '@clientele/core';

export const TICKET_STATUSES = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/**
 * A ticket is worked (OPEN), waits on the customer (PENDING), is answered (RESOLVED) and is
 * closed; a resolved or closed ticket reopens when the customer comes back. Staying in a
 * state is no transition (a PATCH with the same status changes nothing).
 */
export const TICKET_STATUS = defineStateMachine({
  entity: 'TICKET',
  states: TICKET_STATUSES,
  transitions: {
    OPEN: ['PENDING', 'RESOLVED', 'CLOSED'],
    PENDING: ['OPEN', 'RESOLVED', 'CLOSED'],
    RESOLVED: ['OPEN', 'CLOSED'],
    CLOSED: ['OPEN'],
  },
});

/** Statuses a ticket still needs work in: what a customer's `openTicketCount` counts. */
export const UNRESOLVED_TICKET_STATUSES: readonly TicketStatus[] = ['OPEN', 'PENDING'];
