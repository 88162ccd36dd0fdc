import type { Permission, RegistryEntry, Transaction } from '@clientele/core';
import type { SearchTerm } from '../search-term';
import type { SearchCandidate } from './search-candidate';

/**
 * One section of the CRM search (contacts, customers, deals, …): its `key` is the response's
 * field and a value of `types`. A module adds one with `SearchSections.register(...)` from its
 * own files; nothing in the search module changes.
 */
export interface SearchSection extends RegistryEntry {
  /** Singular record kind reported on each hit. */
  readonly hitType: string;
  /** Any of these grants in an organization lets its records into the section. */
  readonly permissions: readonly Permission[];
  /** Shown on the section's field of the response in the OpenAPI document. */
  readonly description?: string;

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
