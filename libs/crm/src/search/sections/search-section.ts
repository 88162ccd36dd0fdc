import type { Permission, Transaction } from '@clientele/core';
import type { SearchTerm } from '../search-term';
import type { SearchType } from '../search-type';
import type { SearchCandidate } from './search-candidate';

/**
 * One section of the CRM search (contacts, customers, deals, …). Adding a section is a class
 * implementing this and one line in `SearchModule`'s `SEARCH_SECTIONS` list.
 */
export interface SearchSection {
  readonly type: SearchType;
  /** Singular record kind reported on each hit. */
  readonly hitType: string;
  /** Any of these grants in an organization lets its records into the section. */
  readonly permissions: readonly Permission[];

  /**
   * Up to `limit` candidates in `organizationIds`, best first, found through the section's
   * trigram index. Runs inside the search's transaction (its `SET LOCAL` threshold applies).
   */
  findCandidates(
    tx: Transaction,
    term: SearchTerm,
    organizationIds: readonly string[],
    limit: number,
  ): Promise<SearchCandidate[]>;
}

export const SEARCH_SECTIONS = Symbol('SEARCH_SECTIONS');
