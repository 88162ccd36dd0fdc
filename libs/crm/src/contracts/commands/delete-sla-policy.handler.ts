import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, UnitOfWork } from '@clientele/core';
import { OrganizationSlaPolicyEntity } from '../entities/organization-sla-policy.entity';
import { organizationSlaPolicySnapshot, SlaPolicyDeleted } from '../events/contract.events';
import { lockOrganizationPolicy } from '../organization-sla-policy';
import { DeleteSlaPolicyCommand } from './delete-sla-policy.command';

/** Removes the organization's default policy (404 `SLA_POLICY_NOT_FOUND` when it has none). */
@CommandHandler(DeleteSlaPolicyCommand)
export class DeleteSlaPolicyHandler implements ICommandHandler<DeleteSlaPolicyCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ organizationId: requested }: DeleteSlaPolicyCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(requested);
      const existing = await lockOrganizationPolicy(tx, organizationId);
      if (existing === null)
        throw new NotFoundError('SLA_POLICY', undefined, undefined, 'The organization has no default SLA policy.');
      await tx.repository(OrganizationSlaPolicyEntity).softRemove(existing);
      await tx.publish(SlaPolicyDeleted, {
        entityId: existing.id,
        organizationId,
        before: organizationSlaPolicySnapshot(existing),
      });
    });
  }
}
