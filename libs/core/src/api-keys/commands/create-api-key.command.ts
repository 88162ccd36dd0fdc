import type { CreateApiKeyDto } from '../dto/create-api-key.dto';

export class CreateApiKeyCommand {
  constructor(readonly input: CreateApiKeyDto) {}
}
