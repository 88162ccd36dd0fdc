// What other rooms may use from search.
export type { SearchCandidate, TypoTarget } from './sections/search-candidate';
export type { SearchSection } from './sections/search-section';
export { SearchSections } from './search-sections';
export { SearchTerm } from './search-term';
export { type ListSearch, listSearch, type ListSearchTarget } from './list-search';
export { readTypoTolerant, type RecordSource, WORD_SIMILARITY_THRESHOLD } from './typo-threshold';
export { SearchModule } from './search.module';
