import { unscopedRepository } from '@clientele/core';
import { type ContactEntity, type CustomerEntity, TICKET_CONTACTS, TicketEntity } from '@clientele/crm';
import type { EntityManager } from 'typeorm';
import type { DemoOrganization } from './demo-crm-seeder';

/** A demo company with its people, as the CRM seeder wrote them. */
export interface SeededCompany {
  readonly customer: CustomerEntity;
  readonly contacts: readonly ContactEntity[];
}

type DemoTicket = Pick<TicketEntity, 'title' | 'description' | 'status' | 'priority'>;

/** One ticket in every status and priority, so the service desk has something to show. */
const DEMO_TICKETS: readonly DemoTicket[] = [
  { title: 'VPN drops every hour', description: 'Since the router firmware update.', status: 'OPEN', priority: 'HIGH' },
  { title: 'New starter laptop', description: 'Needed for Monday.', status: 'PENDING', priority: 'NORMAL' },
  { title: 'Printer shows paper jam', description: null, status: 'RESOLVED', priority: 'LOW' },
  { title: 'E-mail outage', description: 'Nobody can send mail.', status: 'CLOSED', priority: 'URGENT' },
  { title: 'Licence renewal question', description: null, status: 'OPEN', priority: 'NORMAL' },
];

/**
 * Demo tickets, each for one company and linked to its first active people (two at most),
 * alternately assigned to the AGENT and the MANAGER.
 */
export async function seedDemoTickets(
  manager: EntityManager,
  demo: DemoOrganization,
  companies: readonly SeededCompany[],
): Promise<void> {
  for (const [index, seed] of DEMO_TICKETS.entries()) {
    const company = companies[index % companies.length];
    if (company === undefined) return;
    const assigneeId = index % 2 === 0 ? demo.users.AGENT : demo.users.MANAGER;
    const ticket = new TicketEntity();
    ticket.open();
    const now = new Date();
    if (seed.status !== 'OPEN') {
      if (seed.status === 'CLOSED') ticket.moveTo('RESOLVED', now);
      ticket.moveTo(seed.status, now);
    }
    const saved = await unscopedRepository(manager, TicketEntity).save({
      ...ticket,
      tenantId: demo.tenantId,
      organizationId: demo.organizationId,
      createdBy: assigneeId,
      updatedBy: assigneeId,
      title: seed.title,
      description: seed.description,
      priority: seed.priority,
      customerId: company.customer.id,
      assigneeId,
    });
    const linked = company.contacts.filter((contact) => contact.isActive).slice(0, 2);
    await TICKET_CONTACTS.addUnscoped(
      manager,
      saved,
      linked.map((contact) => contact.id),
    );
  }
}
