import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { UpdateTagCommand } from './update-tag.command';
import { TagUpdated, tagSnapshot } from '../events/tag.events';

@CommandHandler(UpdateTagCommand)
export class UpdateTagHandler implements ICommandHandler<UpdateTagCommand, TagEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ tagId, input }: UpdateTagCommand): Promise<TagEntity> {
    return this.uow.run(async (tx) => {
      const tags = tx.repository(TagEntity);
      const tag = await tags.findOneForUpdate(tagId);
      const before = tagSnapshot(tag);
      if (input.name !== undefined) tag.name = input.name;
      if (input.color !== undefined) tag.color = input.color.toUpperCase();
      if (input.description !== undefined) tag.description = input.description;
      const saved = await tags.save(tag);
      await tx.publish(TagUpdated, {
        entityId: saved.id,
        organizationId: saved.organizationId,
        before,
        after: tagSnapshot(saved),
      });
      return saved;
    });
  }
}
