import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { findOrganizationMembers, UnitOfWork } from '@clientele/core';
import { findOrganizationTags, requestedTagIds } from '../../tags';
import { defaultOwnerId } from '../../record-ownership';
import { assertCustomerNameFree } from '../customer-names';
import { customerSnapshot } from '../customer-snapshot';
import { CUSTOMER_TAGS } from '../customer-tags';
import { CustomerEntity } from '../entities/customer.entity';
import { CreateCustomerCommand } from './create-customer.command';
import { CustomerCreated } from '../events/customer.events';

@CommandHandler(CreateCustomerCommand)
export class CreateCustomerHandler implements ICommandHandler<CreateCustomerCommand, CustomerEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateCustomerCommand): Promise<CustomerEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const requestedTags = requestedTagIds(input);
      const tags = await findOrganizationTags(
        tx,
        organizationId,
        requestedTags?.ids ?? [],
        requestedTags?.field ?? 'tags',
      );
      const ownerId = input.ownerId === undefined ? defaultOwnerId(tx.scope) : input.ownerId;
      if (ownerId !== null) await findOrganizationMembers(tx, organizationId, [ownerId], 'ownerId');
      await assertCustomerNameFree(tx, organizationId, input.name);

      const customers = tx.repository(CustomerEntity);
      const customer = customers.create({
        organizationId,
        name: input.name,
        kind: input.kind ?? 'CUSTOMER',
        primaryDomain: input.primaryDomain ?? null,
        logoUrl: input.logoUrl ?? null,
        notes: input.notes ?? null,
        ownerId: ownerId?.toLowerCase() ?? null,
      });
      const saved = await customers.save(customer);
      const tagIds = tags.map((tag) => tag.id);
      await CUSTOMER_TAGS.add(tx, saved, tagIds);
      await tx.publish(CustomerCreated, {
        entityId: saved.id,
        organizationId: saved.organizationId,
        after: customerSnapshot(saved, tags),
      });
      return saved;
    });
  }
}
