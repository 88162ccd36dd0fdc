import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { CreateTagCommand } from './create-tag.command';
import { TagCreated, tagSnapshot } from '../events/tag.events';

@CommandHandler(CreateTagCommand)
export class CreateTagHandler implements ICommandHandler<CreateTagCommand, TagEntity> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateTagCommand): Promise<TagEntity> {
    return this.uow.run(async (tx) => {
      const tags = tx.repository(TagEntity);
      const tag = await tags.save(
        tags.create({
          organizationId: input.organizationId,
          name: input.name,
          ...(input.color === undefined ? {} : { color: input.color.toUpperCase() }),
          description: input.description ?? null,
        }),
      );
      await tx.publish(TagCreated, { entityId: tag.id, organizationId: tag.organizationId, after: tagSnapshot(tag) });
      return tag;
    });
  }
}
