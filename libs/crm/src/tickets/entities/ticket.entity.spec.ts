import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '@clientele/core';
import { TICKET_STATUS } from '../ticket-status';
import { TicketEntity } from './ticket.entity';

const T0 = new Date('2026-11-01T09:00:00.000Z');
const T1 = new Date('2026-11-02T09:00:00.000Z');
const T2 = new Date('2026-11-03T09:00:00.000Z');

function openTicket(): TicketEntity {
  const ticket = new TicketEntity();
  ticket.open();
  return ticket;
}

describe('TicketEntity', () => {
  it('starts OPEN, neither resolved nor closed', () => {
    expect(openTicket()).toMatchObject({ status: 'OPEN', resolvedAt: null, closedAt: null });
    expect(openTicket().isUnresolved()).toBe(true);
  });

  it('waits on the customer and comes back', () => {
    const ticket = openTicket();
    expect(ticket.moveTo('PENDING', T0)).toEqual({ from: 'OPEN', to: 'PENDING' });
    expect(ticket.isUnresolved()).toBe(true);
    expect(ticket.moveTo('OPEN', T1)).toEqual({ from: 'PENDING', to: 'OPEN' });
  });

  it('resolving stamps resolvedAt; closing keeps it and stamps closedAt', () => {
    const ticket = openTicket();
    ticket.moveTo('RESOLVED', T0);
    expect(ticket).toMatchObject({ status: 'RESOLVED', resolvedAt: T0, closedAt: null });
    expect(ticket.isUnresolved()).toBe(false);
    ticket.moveTo('CLOSED', T1);
    expect(ticket).toMatchObject({ status: 'CLOSED', resolvedAt: T0, closedAt: T1 });
  });

  it('closing an open ticket directly counts as resolved then', () => {
    const ticket = openTicket();
    ticket.moveTo('CLOSED', T1);
    expect(ticket).toMatchObject({ resolvedAt: T1, closedAt: T1 });
  });

  it('reopening clears resolvedAt and closedAt', () => {
    const ticket = openTicket();
    ticket.moveTo('CLOSED', T1);
    expect(ticket.moveTo('OPEN', T2)).toEqual({ from: 'CLOSED', to: 'OPEN' });
    expect(ticket).toMatchObject({ status: 'OPEN', resolvedAt: null, closedAt: null });
  });

  it('a move to the status it has changes nothing', () => {
    const ticket = openTicket();
    ticket.moveTo('RESOLVED', T0);
    expect(ticket.moveTo('RESOLVED', T1)).toBeNull();
    expect(ticket.resolvedAt).toEqual(T0);
  });

  it('refuses undeclared moves with a 409 and changes nothing', () => {
    const closed = openTicket();
    closed.moveTo('CLOSED', T0);
    expect(() => closed.moveTo('PENDING', T1)).toThrow(InvalidTransitionError);
    expect(() => closed.moveTo('RESOLVED', T1)).toThrow(expect.objectContaining({ status: 409 }));
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: T0 });
    const resolved = openTicket();
    resolved.moveTo('RESOLVED', T0);
    expect(() => resolved.moveTo('PENDING', T1)).toThrow(InvalidTransitionError);
  });

  it('declares every status reachable from OPEN and none final', () => {
    expect(TICKET_STATUS.allowedFrom('OPEN')).toEqual(['PENDING', 'RESOLVED', 'CLOSED']);
    for (const status of TICKET_STATUS.states) expect(TICKET_STATUS.isFinal(status)).toBe(false);
  });
});
