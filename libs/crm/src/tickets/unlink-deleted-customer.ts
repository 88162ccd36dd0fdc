import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { recordTicketChange, ticketSnapshot } from './events/ticket.events';
import { TicketEntity } from './entities/ticket.entity';
import { linkIds, loadTicketLinks } from './ticket-links';

/**
 * When a customer is deleted its tickets stay, with no customer: each is unlinked in the
 * deleting transaction and recorded as a `ticket.updated`.
 */
@Injectable()
export class UnlinkTicketsOfDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'tickets', run: (tx, customer) => this.unlink(tx, customer) });
  }

  private async unlink(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const tickets = tx.repository(TicketEntity);
    const linked = await tickets
      .query('ticket', 'visible')
      .andWhere('ticket.organizationId = :organizationId', { organizationId: customer.organizationId })
      .andWhere('ticket.customerId = :customerId', { customerId: customer.id })
      .orderBy('ticket.id')
      .setLock('pessimistic_write')
      .getMany();
    for (const ticket of linked) {
      const links = linkIds(await loadTicketLinks(tx, ticket.id));
      const before = ticketSnapshot(ticket, links);
      ticket.customerId = null;
      const saved = await tickets.save(ticket);
      await recordTicketChange(tx, 'updated', saved, { before, after: ticketSnapshot(saved, links) });
    }
  }
}
