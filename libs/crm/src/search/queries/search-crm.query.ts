import type { SearchType } from '../search-type';

export class SearchCrmQuery {
  constructor(
    readonly q: string,
    readonly limit: number,
    readonly types: readonly SearchType[],
  ) {}
}
