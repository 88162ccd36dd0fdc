export class SearchCrmQuery {
  constructor(
    readonly q: string,
    readonly limit: number,
    /** Keys of `SearchSections`. */
    readonly types: readonly string[],
  ) {}
}
