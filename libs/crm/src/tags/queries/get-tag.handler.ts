import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { GetTagQuery } from './get-tag.query';

@QueryHandler(GetTagQuery)
export class GetTagHandler implements IQueryHandler<GetTagQuery, TagEntity> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ tagId }: GetTagQuery): Promise<TagEntity> {
    return this.reader.repository(TagEntity).findOneOrFail(tagId);
  }
}
