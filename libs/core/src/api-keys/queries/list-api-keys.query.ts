import type { ListApiKeysParams } from '../dto/list-api-keys.params';

export class ListApiKeysQuery {
  constructor(readonly params: ListApiKeysParams) {}
}
