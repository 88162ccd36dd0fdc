import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, type Transaction, UnitOfWork } from '@clientele/core';
// The entity file, not the contact room's index: see customer-stats.ts.
import { ContactEntity } from '../../organization-contact/entities/contact.entity';
import { TagEntity, loadTagsByRecord } from '../../tags';
import { customerSnapshot } from '../customer-snapshot';
import { CUSTOMER_TAGS } from '../customer-tags';
import { CustomerEntity } from '../entities/customer.entity';
import { DeleteCustomerCommand } from './delete-customer.command';

/**
 * Soft-deletes a customer and, in the same transaction, unlinks its contacts (they stay, with
 * no company), each unlink recorded as a `contact.updated`.
 */
@CommandHandler(DeleteCustomerCommand)
export class DeleteCustomerHandler implements ICommandHandler<DeleteCustomerCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ customerId }: DeleteCustomerCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const customers = tx.repository(CustomerEntity);
      const customer = await customers.findOneForUpdate(customerId);
      tx.scope.assertCanEdit(customer.organizationId, customer.ownerId, Permission.ORG_CONTACT_EDIT);
      const tags = (await loadTagsByRecord(tx.repository(TagEntity), CUSTOMER_TAGS, [customer.id])).get(customer.id);
      await this.unlinkContacts(tx, customer);
      await customers.softRemove(customer);
      await tx.record({
        type: 'customer.deleted',
        entity: 'customer',
        entityId: customer.id,
        organizationId: customer.organizationId,
        before: customerSnapshot(tx, customer, tags),
      });
    });
  }

  private async unlinkContacts(tx: Transaction, customer: CustomerEntity): Promise<void> {
    const contacts = tx.repository(ContactEntity);
    const linked = await contacts
      .query('contact', 'visible')
      .andWhere('contact.customerId = :customerId', { customerId: customer.id })
      .setLock('pessimistic_write')
      .getMany();
    for (const contact of linked) {
      const before = Object.assign(new ContactEntity(), contact);
      contact.customerId = null;
      const saved = await contacts.save(contact);
      await tx.record({
        type: 'contact.updated',
        entity: 'contact',
        entityId: saved.id,
        organizationId: saved.organizationId,
        before,
        after: saved,
      });
    }
  }
}
