import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateTagHandler } from './commands/create-tag.handler';
import { DeleteTagHandler } from './commands/delete-tag.handler';
import { UpdateTagHandler } from './commands/update-tag.handler';
import { GetTagHandler } from './queries/get-tag.handler';
import { ListTagsHandler } from './queries/list-tags.handler';
import './tag-constraints';
import { TagLinks } from './tag-links';
import './tag-transfer';
import { TagsController } from './tags.controller';
import { TagEntity } from './entities/tag.entity';

/** Tags: a name and a color per organization, attachable to contacts and customers. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([TagEntity])],
  controllers: [TagsController],
  providers: [CreateTagHandler, UpdateTagHandler, DeleteTagHandler, ListTagsHandler, GetTagHandler],
})
export class TagsModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    TagLinks.freeze();
  }
}
