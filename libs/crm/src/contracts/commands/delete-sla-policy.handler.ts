import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { OrganizationSlaPolicyEntity } from '../entities/organization-sla-policy.entity';
import { organizationSlaPolicySnapshot, SlaPolicyDeleted } from '../events/contract.events';
import { lockOrganizationPolicy } from '../organization-sla-policy';
import { DeleteSlaPolicyCommand } from './delete-sla-policy.command';

/** Removes the organization's default policy; with none, nothing changes (idempotent, no event). */
@CommandHandler(DeleteSlaPolicyCommand)
export class DeleteSlaPolicyHandler implements ICommandHandler<DeleteSlaPolicyCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId: requested }: DeleteSlaPolicyCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(requested);
      const existing = await lockOrganizationPolicy(tx, organizationId);
      if (existing === null) return;
      await tx.repository(OrganizationSlaPolicyEntity).softRemove(existing);
      await tx.publish(SlaPolicyDeleted, {
        entityId: existing.id,
        organizationId,
        before: organizationSlaPolicySnapshot(existing),
      });
    });
  }
}
