import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { DeleteTagCommand } from './delete-tag.command';
import { TagDeleted, tagSnapshot } from '../events/tag.events';

/**
 * Soft-deletes a tag. Its links to records stay in place but are no longer read (joins skip
 * deleted tags), so the name is free again and a restore would bring the links back.
 */
@CommandHandler(DeleteTagCommand)
export class DeleteTagHandler implements ICommandHandler<DeleteTagCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ tagId }: DeleteTagCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const tags = tx.repository(TagEntity);
      const tag = await tags.findOneForUpdate(tagId);
      const before = tagSnapshot(tag);
      await tags.softRemove(tag);
      await tx.publish(TagDeleted, { entityId: tag.id, organizationId: tag.organizationId, before });
    });
  }
}
