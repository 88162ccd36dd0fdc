import type { SearchHit } from './search-hit';
import type { SearchTerm } from './search-term';
import type { SearchCandidate } from './sections/search-candidate';
import { typoSimilarity } from './typo-similarity';

/**
 * The final order of a section: exact matches first, then by score — the better of the
 * database's trigram similarity and the typo-forgiving word similarity — then by title and
 * id so equal scores always come back in the same order.
 */
export function rankCandidates(
  candidates: readonly SearchCandidate[],
  term: SearchTerm,
  hitType: string,
  limit: number,
): SearchHit[] {
  return candidates
    .map((candidate) => ({ candidate, score: scoreOf(candidate, term) }))
    .sort(
      (a, b) =>
        Number(b.candidate.exact) - Number(a.candidate.exact) ||
        b.score - a.score ||
        a.candidate.title.localeCompare(b.candidate.title) ||
        a.candidate.id.localeCompare(b.candidate.id),
    )
    .slice(0, limit)
    .map(({ candidate, score }) => ({
      id: candidate.id,
      type: hitType,
      organizationId: candidate.organizationId,
      title: candidate.title,
      subtitle: candidate.subtitle,
      score,
    }));
}

function scoreOf(candidate: SearchCandidate, term: SearchTerm): number {
  if (candidate.exact) return 1;
  const typo = Math.max(
    0,
    ...candidate.typoTargets.map((target) => typoSimilarity(term.words, target.words) * target.weight),
  );
  return Math.round(Math.min(1, Math.max(candidate.similarity, typo)) * 1000) / 1000;
}
