import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { UpdateTagCommand } from './update-tag.command';

@CommandHandler(UpdateTagCommand)
export class UpdateTagHandler implements ICommandHandler<UpdateTagCommand, TagEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ tagId, input }: UpdateTagCommand): Promise<TagEntity> {
    return this.uow.run(async (tx) => {
      const tags = tx.repository(TagEntity);
      const tag = await tags.findOneForUpdate(tagId);
      const before = Object.assign(new TagEntity(), tag);
      if (input.name !== undefined) tag.name = input.name;
      if (input.color !== undefined) tag.color = input.color.toUpperCase();
      if (input.description !== undefined) tag.description = input.description;
      const saved = await tags.save(tag);
      await tx.record({
        type: 'tag.updated',
        entity: 'tag',
        entityId: saved.id,
        organizationId: saved.organizationId,
        before,
        after: saved,
      });
      return saved;
    });
  }
}
