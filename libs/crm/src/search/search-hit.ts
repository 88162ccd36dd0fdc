/** One ranked result of a CRM search. */
export interface SearchHit {
  readonly id: string;
  /** The record kind, singular: `contact`, `customer`, `deal`. */
  readonly type: string;
  readonly organizationId: string;
  readonly title: string;
  readonly subtitle: string | null;
  /** 0..1, higher is closer; an exact e-mail or domain match scores 1 and comes first. */
  readonly score: number;
}

/** Each registered section's hits, under its key, in the registry's order. */
export type SearchResults = Record<string, SearchHit[]>;
