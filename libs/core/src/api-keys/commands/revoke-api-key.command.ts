export class RevokeApiKeyCommand {
  constructor(readonly apiKeyId: string) {}
}
