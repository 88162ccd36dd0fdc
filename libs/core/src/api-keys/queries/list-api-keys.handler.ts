import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopedReader } from '../../database/unit-of-work';
import type { Page } from '../../pagination/page';
import { paginate } from '../../pagination/paginate';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { manageableApiKeys } from '../manageable-api-keys';
import { ListApiKeysQuery } from './list-api-keys.query';

const STATUS_FILTERS = {
  ACTIVE: 'key.revokedAt IS NULL AND (key.expiresAt IS NULL OR key.expiresAt > now())',
  EXPIRED: 'key.revokedAt IS NULL AND key.expiresAt <= now()',
  REVOKED: 'key.revokedAt IS NOT NULL',
} as const;

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery, Page<ApiKeyEntity>> {
  constructor(private readonly reader: ScopedReader) {}

  execute({ params }: ListApiKeysQuery): Promise<Page<ApiKeyEntity>> {
    const qb = manageableApiKeys(this.reader.repository(ApiKeyEntity));
    if (params.status !== undefined) qb.andWhere(STATUS_FILTERS[params.status]);
    return paginate(qb, params, { createdAt: 'createdAt', name: 'name' });
  }
}
