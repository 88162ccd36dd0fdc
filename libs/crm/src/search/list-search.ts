import { escapeLike } from '@clientele/core';
import { SearchTerm } from './search-term';

/** What a list's `q` adds to its query: the filter, and the rank its rows are ordered by first. */
export interface ListSearch {
  /** The record's text contains `q`, or resembles it within a typo (`<%`, trigram-indexed). */
  readonly where: string;
  /**
   * 0 when a field is `q` exactly, 1 when one (or a word of the text) starts with it, 2 when the
   * text contains it, 3 for a match within a typo only.
   */
  readonly rank: string;
  readonly parameters: Record<string, unknown>;
  /** `<%` takes part: read it with `readTypoTolerant`, whose threshold lets one typo per two words through. */
  readonly typoTolerant: boolean;
}

export interface ListSearchTarget {
  /** The lower-cased text with a trigram index: what `q` is searched in. */
  readonly text: string;
  /** Lower-cased expressions ranked first when equal to `q` (a name, an e-mail). */
  readonly exact: readonly string[];
  /** Lower-cased expressions ranked next when they start with `q`. */
  readonly prefix: readonly string[];
}

/**
 * A list's typo-forgiving `q`, as the CRM search matches: "jnae doe" finds Jane Doe, exact and
 * prefix matches first. `name` prefixes the parameters so two searches can share a statement.
 * A `q` without letters or digits has no trigrams and keeps to `contains`.
 */
export function listSearch(name: string, q: string, target: ListSearchTarget): ListSearch {
  const term = SearchTerm.parse(q);
  const contains = `:${name}Contains`;
  const typo = term.isSearchable ? ` OR :${name}Term <% ${target.text}` : '';
  const exact = target.exact.map((expression) => `${expression} = :${name}Term`).join(' OR ') || 'false';
  const prefix = [
    ...target.prefix.map((expression) => `${expression} LIKE :${name}Prefix`),
    `${target.text} LIKE :${name}WordPrefix`,
  ].join(' OR ');
  return {
    where: `(${target.text} LIKE ${contains}${typo})`,
    rank: `CASE WHEN ${exact} THEN 0 WHEN ${prefix} THEN 1 WHEN ${target.text} LIKE ${contains} THEN 2 ELSE 3 END`,
    parameters: {
      [`${name}Contains`]: `%${escapeLike(q.trim().toLowerCase())}%`,
      [`${name}Prefix`]: `${escapeLike(term.text)}%`,
      [`${name}WordPrefix`]: `% ${escapeLike(term.text)}%`,
      [`${name}Term`]: term.text,
    },
    typoTolerant: term.isSearchable,
  };
}
