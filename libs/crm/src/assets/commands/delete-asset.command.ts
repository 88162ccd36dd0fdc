export class DeleteAssetCommand {
  constructor(readonly assetId: string) {}
}
