import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import './api-key-constraints';
import { ApiKeysController } from './api-keys.controller';
import { CreateApiKeyHandler } from './commands/create-api-key.handler';
import { RevokeApiKeyHandler } from './commands/revoke-api-key.handler';
import { ListApiKeysHandler } from './queries/list-api-keys.handler';

@Module({
  imports: [CqrsModule],
  controllers: [ApiKeysController],
  providers: [CreateApiKeyHandler, RevokeApiKeyHandler, ListApiKeysHandler],
})
export class ApiKeysModule {}
