import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newApiKeySecret } from '../../auth/api-key-secret';
import { UnitOfWork } from '../../database/unit-of-work';
import { assertGrantsAssignable } from '../../roles/grants-assignable';
import { CreatedApiKeyResponse } from '../dto/created-api-key.response';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { CreateApiKeyCommand } from './create-api-key.command';
import { ApiKeyCreated, apiKeySnapshot } from '../events/api-key.events';

/**
 * A new service key. Every organization must be one where the actor manages keys (404 when not
 * a member, 403 without API_KEYS_MANAGE) and every grant one they hold there (403).
 */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKeyResponse> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ input }: CreateApiKeyCommand): Promise<CreatedApiKeyResponse> {
    return this.uow.run(async (tx) => {
      const organizationIds = input.organizationIds.map((id) => id.toLowerCase());
      for (const organizationId of organizationIds) tx.scope.assertGranted(organizationId);
      assertGrantsAssignable(tx.scope, input.grants, organizationIds);
      const { secret, hash, prefix } = newApiKeySecret();
      const keys = tx.repository(ApiKeyEntity);
      const key = await keys.save(
        keys.create({
          name: input.name,
          prefix,
          secretHash: hash,
          grants: [...input.grants].sort(),
          organizationIds,
          expiresAt: input.expiresAt ?? null,
          lastUsedAt: null,
          revokedAt: null,
        }),
      );
      await tx.publish(ApiKeyCreated, { entityId: key.id, organizationId: null, after: apiKeySnapshot(key) });
      return CreatedApiKeyResponse.withSecret(key, secret);
    });
  }
}
