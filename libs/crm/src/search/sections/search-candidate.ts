/** Words a typo may be compared with, and how much a match on them counts (0..1). */
export interface TypoTarget {
  readonly words: readonly string[];
  readonly weight: number;
}

/** A record a section's index-backed query found, before the final ranking. */
export interface SearchCandidate {
  readonly id: string;
  readonly organizationId: string;
  readonly title: string;
  readonly subtitle: string | null;
  /** pg_trgm word similarity of the term with the record's text, 0..1. */
  readonly similarity: number;
  /** The term is the record's e-mail (or domain, or whole name): ranked above all others. */
  readonly exact: boolean;
  readonly typoTargets: readonly TypoTarget[];
}
