import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { escapeLike, type Page, paginate, ScopedReader } from '@clientele/core';
import { TagEntity } from '../entities/tag.entity';
import { ListTagsQuery } from './list-tags.query';

@QueryHandler(ListTagsQuery)
export class ListTagsHandler implements IQueryHandler<ListTagsQuery, Page<TagEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListTagsQuery): Promise<Page<TagEntity>> {
    const qb = this.reader.repository(TagEntity).query('tag');
    if (params.q !== undefined) qb.andWhere('tag.name ILIKE :q', { q: `%${escapeLike(params.q)}%` });
    return paginate(qb, params, { name: 'name', createdAt: 'createdAt', updatedAt: 'updatedAt' }, 'name');
  }
}
