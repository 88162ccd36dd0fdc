import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { CreateTagCommand } from './create-tag.command';

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
      await tx.record({
        type: 'tag.created',
        entity: 'tag',
        entityId: tag.id,
        organizationId: tag.organizationId,
        after: tag,
      });
      return tag;
    });
  }
}
