import type { SearchResults } from '../search-hit';
import { SearchSections } from '../search-sections';
import { SearchHitResponse } from './search-hit.response';

/**
 * Each registered section ranked best first, under its key; a section not asked for (or not
 * granted) is empty. Its fields are the sections', documented by `describeSearchApi`.
 */
export class SearchResponse {
  [section: string]: SearchHitResponse[];

  static from(results: SearchResults): SearchResponse {
    return Object.fromEntries(
      SearchSections.keys().map((key) => [key, (results[key] ?? []).map((hit) => SearchHitResponse.from(hit))]),
    );
  }
}
