import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findOrganizationMembers, Permission, UnitOfWork } from '@clientele/core';
import { findOrganizationTags, loadTagsByRecord, requestedTagIds, TagEntity } from '../../tags';
import { assertCanAssignOwner } from '../../record-ownership';
import { assertCustomerNameFree } from '../customer-names';
import { customerSnapshot } from '../customer-snapshot';
import { CUSTOMER_TAGS } from '../customer-tags';
import { CustomerEntity } from '../entities/customer.entity';
import { UpdateCustomerCommand } from './update-customer.command';
import { CustomerUpdated } from '../events/customer.events';

/** Changes the fields sent; an AGENT (`ORG_CONTACT_EDIT_OWN`) only on customers it owns. */
@CommandHandler(UpdateCustomerCommand)
export class UpdateCustomerHandler implements ICommandHandler<UpdateCustomerCommand, CustomerEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ customerId, input }: UpdateCustomerCommand): Promise<CustomerEntity> {
    return this.uow.run(async (tx) => {
      const customers = tx.repository(CustomerEntity);
      const customer = await customers.findOneForUpdate(customerId);
      const { organizationId } = customer;
      tx.scope.assertCanEdit(
        organizationId,
        customer.ownerId,
        Permission.ORG_CONTACT_EDIT,
        Permission.ORG_CONTACT_EDIT_OWN,
      );
      const currentTags = (await loadTagsByRecord(tx.repository(TagEntity), CUSTOMER_TAGS, [customer.id])).get(
        customer.id,
      );
      const before = customerSnapshot(customer, currentTags);

      const requestedTags = requestedTagIds(input);
      const tags =
        requestedTags === undefined
          ? (currentTags ?? [])
          : await findOrganizationTags(tx, organizationId, requestedTags.ids, requestedTags.field);
      if (input.ownerId !== undefined) {
        assertCanAssignOwner(tx.scope, organizationId, input.ownerId, Permission.ORG_CONTACT_EDIT);
        if (input.ownerId !== null) await findOrganizationMembers(tx, organizationId, [input.ownerId], 'ownerId');
        customer.ownerId = input.ownerId?.toLowerCase() ?? null;
      }
      if (input.name !== undefined && input.name !== customer.name) {
        await assertCustomerNameFree(tx, organizationId, input.name, customer.id);
        customer.name = input.name;
      }
      if (input.kind !== undefined) customer.kind = input.kind;
      if (input.primaryDomain !== undefined) customer.primaryDomain = input.primaryDomain;
      if (input.logoUrl !== undefined) customer.logoUrl = input.logoUrl;
      if (input.notes !== undefined) customer.notes = input.notes;

      const saved = await customers.save(customer);
      if (requestedTags !== undefined) {
        const tagIds = tags.map((tag) => tag.id);
        await CUSTOMER_TAGS.replace(tx, saved, tagIds);
      }
      await tx.publish(CustomerUpdated, {
        entityId: saved.id,
        organizationId,
        before,
        after: customerSnapshot(saved, tags),
      });
      return saved;
    });
  }
}
