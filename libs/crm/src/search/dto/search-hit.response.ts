import type { SearchHit } from '../search-hit';

export class SearchHitResponse {
  id: string;
  // The section's `hitType`, documented with them by `describeSearchApi` (a line comment: the
  // Swagger plugin would publish a doc comment as the field's description).
  type: string;
  organizationId: string;
  /** Contact: name; customer: name; deal: title. */
  title: string;
  /** Contact: e-mail · company; customer: primary domain. */
  subtitle: string | null;
  /** 0..1, higher is closer; an exact e-mail or domain match scores 1 and comes first. */
  score: number;

  static from(hit: SearchHit): SearchHitResponse {
    return {
      id: hit.id,
      type: hit.type,
      organizationId: hit.organizationId,
      title: hit.title,
      subtitle: hit.subtitle,
      score: hit.score,
    };
  }
}
