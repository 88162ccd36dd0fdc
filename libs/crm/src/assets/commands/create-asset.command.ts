import type { CreateAssetDto } from '../dto/create-asset.dto';

export class CreateAssetCommand {
  constructor(readonly input: CreateAssetDto) {}
}
