import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { OrganizationSlaPolicyEntity } from '../entities/organization-sla-policy.entity';
import { organizationSlaPolicySnapshot, SlaPolicySaved } from '../events/contract.events';
import { lockOrganizationPolicy } from '../organization-sla-policy';
import { slaPolicyFrom } from '../sla-policy-input';
import { SaveSlaPolicyCommand } from './save-sla-policy.command';

/**
 * Replaces the organization's default SLA policy (creates it the first time; two first saves at
 * once make one row, the unique index deciding). Tickets already open keep their due times.
 */
@CommandHandler(SaveSlaPolicyCommand)
export class SaveSlaPolicyHandler implements ICommandHandler<SaveSlaPolicyCommand, OrganizationSlaPolicyEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: SaveSlaPolicyCommand): Promise<OrganizationSlaPolicyEntity> {
    return this.uow.run(async (tx) => {
      const organizationId = tx.scope.targetOrganizationId(input.organizationId);
      const policy = slaPolicyFrom(input);
      const repository = tx.repository(OrganizationSlaPolicyEntity);
      let existing = await lockOrganizationPolicy(tx, organizationId);
      if (existing === null) {
        const created = repository.create({ organizationId, policy });
        if (await repository.insertOrIgnore(created)) {
          const inserted = await lockOrganizationPolicy(tx, organizationId);
          if (inserted !== null) {
            await tx.publish(SlaPolicySaved, {
              entityId: inserted.id,
              organizationId,
              after: organizationSlaPolicySnapshot(inserted),
            });
            return inserted;
          }
        }
        existing = await lockOrganizationPolicy(tx, organizationId);
      }
      if (existing === null) throw new Error('the organization SLA policy vanished while it was saved');
      const before = organizationSlaPolicySnapshot(existing);
      existing.policy = policy;
      const saved = await repository.save(existing);
      await tx.publish(SlaPolicySaved, {
        entityId: saved.id,
        organizationId,
        before,
        after: organizationSlaPolicySnapshot(saved),
      });
      return saved;
    });
  }
}
