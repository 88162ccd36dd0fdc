export class GetAssetQuery {
  constructor(readonly assetId: string) {}
}
