// What other rooms may use from search.
export type { SearchCandidate, TypoTarget } from './sections/search-candidate';
export type { SearchSection } from './sections/search-section';
export { SearchSections } from './search-sections';
export { SearchTerm } from './search-term';
export { SearchModule } from './search.module';
