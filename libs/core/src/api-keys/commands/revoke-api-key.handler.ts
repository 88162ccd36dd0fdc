import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../database/unit-of-work';
import { NotFoundError } from '../../errors/domain-error';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { manageableApiKeys } from '../manageable-api-keys';
import { RevokeApiKeyCommand } from './revoke-api-key.command';
import { ApiKeyRevoked, apiKeySnapshot } from '../events/api-key.events';

/** Revokes a key: its next request is a 401. The row stays, for the list and the audit trail. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ apiKeyId }: RevokeApiKeyCommand): Promise<void> {
    return this.uow.run(async (tx) => {
      const keys = tx.repository(ApiKeyEntity);
      const key = await manageableApiKeys(keys)
        .andWhere('key.id = :id', { id: apiKeyId })
        .andWhere('key.revokedAt IS NULL')
        .setLock('pessimistic_write')
        .getOne();
      if (key === null) throw new NotFoundError('API_KEY', apiKeyId);
      const before = apiKeySnapshot(key);
      key.revokedAt = new Date();
      const saved = await keys.save(key);
      await tx.publish(ApiKeyRevoked, {
        entityId: key.id,
        organizationId: null,
        before,
        after: apiKeySnapshot(saved),
      });
    });
  }
}
