import type { UpdateAssetDto } from '../dto/update-asset.dto';

export class UpdateAssetCommand {
  constructor(
    readonly assetId: string,
    readonly input: UpdateAssetDto,
  ) {}
}
