import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Transaction } from '@clientele/core';
import { type CustomerEntity, CustomerDeletionSteps } from '../customers';
import { loadContactLinks } from './contact-relations';
import { contactSnapshot } from './contact-snapshot';
import { ContactEntity } from './entities/contact.entity';
import { publishContactUpdated } from './publish-contact-updated';

/**
 * When a customer is deleted its contacts stay, with no company: each is unlinked in the
 * deleting transaction and published as the same `contact.updated` the update commands publish.
 */
@Injectable()
export class UnlinkDeletedCustomer implements OnModuleInit {
  constructor(private readonly steps: CustomerDeletionSteps) {}

  onModuleInit(): void {
    this.steps.register({ name: 'contacts', run: (tx, customer) => this.unlink(tx, customer) });
  }

  private async unlink(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const contacts = tx.repository(ContactEntity);
    const linked = await contacts
      .query('contact', 'visible')
      .andWhere('contact.customerId = :customerId', { customerId: customer.id })
      .orderBy('contact.id')
      .setLock('pessimistic_write')
      .getMany();
    for (const contact of linked) {
      await loadContactLinks(tx, contact);
      const before = contactSnapshot(contact);
      contact.customerId = null;
      const saved = await contacts.save(contact);
      await publishContactUpdated(tx, before, saved);
    }
  }
}
