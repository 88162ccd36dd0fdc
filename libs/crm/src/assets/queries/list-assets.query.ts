import type { ListAssetsParams } from '../dto/list-assets.params';

export class ListAssetsQuery {
  constructor(readonly params: ListAssetsParams) {}
}
