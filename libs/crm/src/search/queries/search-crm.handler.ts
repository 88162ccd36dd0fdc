import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@clientele/core';
import type { SearchResults } from '../search-hit';
import { rankCandidates } from '../search-ranking';
import { SearchTerm } from '../search-term';
import { SearchSections } from '../search-sections';
import { WORD_SIMILARITY_THRESHOLD } from '../typo-threshold';
import { SearchCrmQuery } from './search-crm.query';

/** Candidates fetched per section: more than shown, so the typo-aware ranking can reorder them. */
function candidateLimit(limit: number): number {
  return Math.min(Math.max(limit * 4, 40), 200);
}

/** Ranked, typo-tolerant search across the CRM sections the actor may view. */
@QueryHandler(SearchCrmQuery)
export class SearchCrmHandler implements IQueryHandler<SearchCrmQuery, SearchResults> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ q, limit, types }: SearchCrmQuery): Promise<SearchResults> {
    const registered = SearchSections.list();
    const results: SearchResults = Object.fromEntries(registered.map((section) => [section.key, []]));
    const term = SearchTerm.parse(q);
    const sections = registered.filter((section) => types.includes(section.key));
    if (!term.isSearchable || sections.length === 0) return results;

    // A transaction only so the threshold is `SET LOCAL`: a session-level SET would leak to
    // whatever request borrows the pooled connection next (and PGlite has only one session).
    await this.uow.run(async (tx) => {
      await tx.setLocal('pg_trgm.word_similarity_threshold', WORD_SIMILARITY_THRESHOLD);
      for (const section of sections) {
        const organizationIds = tx.scope.grantedOrganizationIds.filter((id) =>
          tx.scope.isGranted(id, section.permissions),
        );
        if (organizationIds.length === 0) continue;
        const candidates = await section.findCandidates(tx, term, organizationIds, candidateLimit(limit));
        results[section.key] = rankCandidates(candidates, term, section.hitType, limit);
      }
    });
    return results;
  }
}
