import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Permission, UnitOfWork } from '@clientele/core';
import { TagEntity, loadTagsByRecord } from '../../tags';
import { customerSnapshot } from '../customer-snapshot';
import { CustomerDeletionSteps } from '../customer-deletion-steps';
import { CUSTOMER_TAGS } from '../customer-tags';
import { CustomerEntity } from '../entities/customer.entity';
import { DeleteCustomerCommand } from './delete-customer.command';
import { CustomerDeleted } from '../events/customer.events';

/**
 * Soft-deletes a customer; in the same transaction the modules whose rows point at it run their
 * deletion steps (contacts are unlinked and stay, with no company).
 */
@CommandHandler(DeleteCustomerCommand)
export class DeleteCustomerHandler implements ICommandHandler<DeleteCustomerCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deletionSteps: CustomerDeletionSteps,
  ) {}

  execute({ customerId }: DeleteCustomerCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const customers = tx.repository(CustomerEntity);
      const customer = await customers.findOneForUpdate(customerId);
      tx.scope.assertCanEdit(customer.organizationId, customer.ownerId, Permission.ORG_CONTACT_EDIT);
      const tags = (await loadTagsByRecord(tx.repository(TagEntity), CUSTOMER_TAGS, [customer.id])).get(customer.id);
      await this.deletionSteps.run(tx, customer);
      const before = customerSnapshot(customer, tags);
      await customers.softRemove(customer);
      await tx.publish(CustomerDeleted, { entityId: customer.id, organizationId: customer.organizationId, before });
    });
  }
}
